using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PartyWorkflow.Api.Tests.Infrastructure;
using PartyWorkflow.Api.Tests.Units;

namespace PartyWorkflow.Api.Tests.Establishment;

/// <summary>The establishment workflow's setting and steps over HTTP, for the tests that take requests through it.</summary>
public sealed class Establishments(ApiClient Api)
{
    public sealed record Setting(Guid Committee, Guid Staff, Guid Holding);

    public async Task<Setting> SettingAsync()
    {
        var prefecture = await ApiClient.ExpectAsync(await Api.Client.PostAsJsonAsync("/api/party-organizations",
            new { name = "州两新工委", kind = "work-committee", countyCode = "990000" }), HttpStatusCode.Created);
        var county = await ApiClient.ExpectAsync(await Api.Client.PostAsJsonAsync("/api/party-organizations",
            new { name = "东山县两新工委", kind = "work-committee", countyCode = Registry.CountyA, parentId = prefecture["id"]!.GetValue<string>(), email = "gw@example.org" }), HttpStatusCode.Created);
        var holding = await Api.CreateOrganizationAsync("branch", name: "党员原所在党支部");
        var staff = await Api.CreateMemberAsync(holding, name: "工委干部");
        return new Setting(Guid.Parse(county["id"]!.GetValue<string>()), staff, holding);
    }

    /// <summary>A unit with <paramref name="full"/> registered full members working in it (the survey says 0).</summary>
    public async Task<(Guid Unit, List<Guid> Members)> UnitWithMembersAsync(Setting setting, int full, string industry = "C", string county = Registry.CountyA)
    {
        var created = await ApiClient.ExpectAsync(await Api.Client.PostAsJsonAsync("/api/units", new
        {
            name = $"企业{Guid.NewGuid():N}"[..10], type = "non-public-enterprise", creditCode = CreditCodes.Next(), countyCode = county, industryCode = industry, hasFixedPremises = true,
        }), HttpStatusCode.Created);
        var unit = Guid.Parse(created["id"]!.GetValue<string>());
        var members = new List<Guid>();
        for (var i = 0; i < full; i++)
        {
            var member = await ApiClient.ExpectAsync(await Api.Client.PostAsJsonAsync("/api/members", new
            {
                name = $"党员{i}", gender = "male", ethnicity = "汉族", citizenId = CitizenIds.For(new DateOnly(1980 + i, 1, 1)), phone = $"1390000{i:0000}",
                branchId = setting.Holding, membership = "full", unitId = unit,
            }), HttpStatusCode.Created);
            members.Add(Guid.Parse(member["id"]!.GetValue<string>()));
        }
        return (unit, members);
    }

    public static JsonObject Request(Setting setting, string mode, string kind, IEnumerable<Guid> units, IEnumerable<Guid> founding, string date = "2026-03-02") => new()
    {
        ["actorId"] = setting.Staff.ToString(), ["actorRole"] = "work-committee",
        ["date"] = date, ["workCommitteeId"] = setting.Committee.ToString(), ["name"] = "某公司党支部", ["mode"] = mode, ["proposedKind"] = kind,
        ["unitIds"] = new JsonArray(units.Select(u => (JsonNode)u.ToString()).ToArray()),
        ["foundingMemberIds"] = new JsonArray(founding.Select(m => (JsonNode)m.ToString()).ToArray()),
    };

    public async Task<Guid> StartAsync(JsonObject request)
    {
        var started = await ApiClient.ExpectAsync(await Api.PostAsync("/api/definitions/organization-establishment/instances", request), HttpStatusCode.Created);
        return Guid.Parse(started["id"]!.GetValue<string>());
    }

    public async Task<string[]> RefusedAsync(JsonObject request)
    {
        using var response = await Api.PostAsync("/api/definitions/organization-establishment/instances", request);
        var body = await ApiClient.ExpectAsync(response, HttpStatusCode.UnprocessableEntity);
        return body["unmetRules"]!.AsArray().Select(r => r!["ruleId"]!.GetValue<string>()).Order().ToArray();
    }

    public async Task<JsonObject> ActAsync(Setting setting, Guid instance, string action, JsonObject facts, string role = "work-committee") =>
        await ApiClient.ExpectAsync(await Api.ActAsync(instance, action, facts, setting.Staff, role), HttpStatusCode.OK);

    public static JsonObject Meeting(string date, IReadOnlyList<Guid> voters, int present, int seats, params (Guid Id, int Yes)[] candidates) => new()
    {
        ["date"] = date, ["voterIds"] = new JsonArray(voters.Select(v => (JsonNode)v.ToString()).ToArray()), ["entitled"] = voters.Count, ["present"] = present,
        ["ballotsCast"] = present, ["seats"] = seats,
        ["candidates"] = new JsonArray(candidates.Select(c => (JsonNode)new JsonObject { ["memberId"] = c.Id.ToString(), ["yes"] = c.Yes, ["no"] = present - c.Yes, ["abstain"] = 0 }).ToArray()),
    };

    /// <summary>A standalone request with 3 founding members, taken to its plaque and welcome package; returns the unit and the instance.</summary>
    public async Task<(Guid Unit, Guid Instance)> StandaloneToEstablishedAsync()
    {
        var setting = await SettingAsync();
        var (unit, members) = await UnitWithMembersAsync(setting, 3);
        var instance = await StartAsync(Request(setting, "standalone", "branch", [unit], members));
        await ActAsync(setting, instance, "review-request", new JsonObject { ["date"] = "2026-03-20", ["decision"] = "approved" });
        await ActAsync(setting, instance, "hold-founding-meeting", Meeting("2026-04-20", members, 3, 1, (members[0], 3), (members[1], 0)));
        await ActAsync(setting, instance, "approve-election", new JsonObject { ["date"] = "2026-04-25", ["decision"] = "approved" });
        await ActAsync(setting, instance, "register-organization", new JsonObject { ["date"] = "2026-05-01", ["sealIssued"] = true });
        await ActAsync(setting, instance, "hang-plaque", new JsonObject { ["date"] = "2026-05-10" }, "branch");
        var done = await ActAsync(setting, instance, "deliver-welcome-package", new JsonObject
        {
            ["date"] = "2026-05-20", ["items"] = new JsonArray("party-flag", "plaque", "seal", "materials", "badge", "constitution", "pen", "notebook"),
        });
        Assert.Equal("established", done["state"]!.GetValue<string>());
        return (unit, instance);
    }
}
