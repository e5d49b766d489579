using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PartyWorkflow.Api.Tests.Infrastructure;

namespace PartyWorkflow.Api.Tests;

/// <summary>
/// The OpenAPI document tells the truth: for every route, a request the server accepts and one it
/// refuses are both held against it. Accepted bodies match the documented request body; refused
/// ones get a documented status whose ProblemDetails body matches, and a 400 body the document
/// itself already rules out.
/// </summary>
public sealed class OpenApiTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private sealed record Call(string Method, string Route, string Url, JsonNode? Body, Func<HttpContent>? Upload = null);

    [Fact]
    public async Task Every_route_is_described_with_its_request_body_and_its_refusals()
    {
        var api = fixture.Api;
        var schemas = new OpenApiSchemas(JsonNode.Parse(await api.Client.GetStringAsync("/openapi/v1.json"))!.AsObject());
        var unit = await Unit.CreateAsync(api);
        var instance = await unit.ApplyAsync("2026-11-01");
        var member = unit.Members[0];
        var unknown = Guid.NewGuid();
        var application = (string citizenId, string date) => new JsonObject
        {
            ["person"] = new JsonObject { ["name"] = "赵六", ["gender"] = "male", ["ethnicity"] = "汉族", ["citizenId"] = citizenId },
            ["branchId"] = unit.Branch.ToString(), ["applicationDate"] = date, ["actorId"] = unit.Secretary.ToString(),
        };
        var organization = (string name) => new JsonObject { ["name"] = name, ["kind"] = "branch", ["parentId"] = unit.Committee.ToString(), ["hasApprovalAuthority"] = false, ["email"] = null, ["jurisdiction"] = null };
        var feed = await ApiClient.ExpectAsync(await api.PostAsync("/api/calendar-feeds", new JsonObject { ["organizationId"] = unit.Committee.ToString() }), HttpStatusCode.Created);
        var reminderSource = await unit.ApplyAsync("2026-10-30");
        await fixture.Factory.SweepAsync();

        var cases = new List<(Call Accepted, Call? Refused)>
        {
            (new("get", "/health", "/health", null), null),
            (new("post", "/api/definitions/{definitionId}/instances", "/api/definitions/member-development/instances", application(CitizenIds.For(new DateOnly(1995, 1, 1)), "2026-11-20")),
                new("post", "/api/definitions/{definitionId}/instances", "/api/definitions/member-development/instances", application(CitizenIds.For(new DateOnly(2015, 1, 1)), "2026-11-20"))),
            (new("post", "/api/applications", "/api/applications", application(CitizenIds.For(new DateOnly(1996, 1, 1)), "2026-11-20")),
                new("post", "/api/applications", "/api/applications", application("x", "20.11.2026"))),
            (new("get", "/api/instances", "/api/instances?open=true&pageSize=5", null), new("get", "/api/instances", "/api/instances?page=0", null)),
            (new("get", "/api/instances/{id}", $"/api/instances/{instance}", null), new("get", "/api/instances/{id}", $"/api/instances/{unknown}", null)),
            (new("post", "/api/instances/search", "/api/instances/search", new JsonObject { ["citizenId"] = CitizenIds.For(new DateOnly(1995, 1, 1)) }),
                new("post", "/api/instances/search", "/api/instances/search", new JsonObject { ["open"] = "yes" })),
            (new("get", "/api/people/{id}/personal-data", $"/api/people/{member}/personal-data?actorId={member}", null),
                new("get", "/api/people/{id}/personal-data", $"/api/people/{member}/personal-data", null)),
            (new("post", "/api/instances/{id}/actions/{actionId}", $"/api/instances/{instance}/actions/initial-talk",
                    new JsonObject { ["date"] = "2026-11-10", ["talkerId"] = member.ToString(), ["notes"] = "谈话", ["actorId"] = member.ToString() }),
                new("post", "/api/instances/{id}/actions/{actionId}", $"/api/instances/{instance}/actions/confirm-activist",
                    new JsonObject { ["date"] = "2026-11-12", ["actorId"] = member.ToString(), ["colour"] = "red" })),
            (new("get", "/api/definitions", "/api/definitions", null), null),
            (new("get", "/api/definitions/{definitionId}/{version}", "/api/definitions/member-development/1", null),
                new("get", "/api/definitions/{definitionId}/{version}", "/api/definitions/member-development/9", null)),
            (new("get", "/api/definitions/{definitionId}/{version}/diagram", "/api/definitions/member-development/1/diagram", null),
                new("get", "/api/definitions/{definitionId}/{version}/diagram", "/api/definitions/no-such/1/diagram", null)),
            (new("post", "/api/party-organizations", "/api/party-organizations", organization("新党支部")),
                new("post", "/api/party-organizations", "/api/party-organizations", new JsonObject { ["name"] = 5, ["kind"] = "branch" })),
            (new("get", "/api/party-organizations", "/api/party-organizations?kind=branch", null), new("get", "/api/party-organizations", "/api/party-organizations?parentId=x", null)),
            (new("get", "/api/party-organizations/{id}", $"/api/party-organizations/{unit.Branch}", null), new("get", "/api/party-organizations/{id}", $"/api/party-organizations/{unknown}", null)),
            (new("put", "/api/party-organizations/{id}", $"/api/party-organizations/{unit.Branch}", organization("改名党支部")),
                new("put", "/api/party-organizations/{id}", $"/api/party-organizations/{unit.Branch}", new JsonObject { ["name"] = "改名党支部", ["kind"] = "branch", ["emial"] = "a@b.cn" })),
            (new("patch", "/api/party-organizations/{id}", $"/api/party-organizations/{unit.Branch}", new JsonObject { ["email"] = "branch@example.org" }),
                new("patch", "/api/party-organizations/{id}", $"/api/party-organizations/{unit.Branch}", new JsonObject { ["hasApprovalAuthority"] = "yes" })),
            (new("post", "/api/members", "/api/members", new JsonObject
                {
                    ["name"] = "钱七", ["gender"] = "female", ["citizenId"] = CitizenIds.For(new DateOnly(1980, 2, 2)), ["branchId"] = unit.Branch.ToString(), ["membership"] = "full",
                }),
                new("post", "/api/members", "/api/members", new JsonObject { ["name"] = "钱七", ["probationStart"] = "soon" })),
            (new("get", "/api/members", $"/api/members?branchId={unit.Branch}&name=党员", null), new("get", "/api/members", "/api/members?branchId=x", null)),
            (new("get", "/api/members/{id}", $"/api/members/{member}", null), new("get", "/api/members/{id}", $"/api/members/{unknown}", null)),
            (new("put", "/api/members/{id}", $"/api/members/{member}", new JsonObject { ["name"] = "党员", ["branchId"] = unit.Branch.ToString(), ["hasVotingRights"] = true, ["onDisciplinaryProbation"] = false }),
                new("put", "/api/members/{id}", $"/api/members/{member}", new JsonObject { ["name"] = "党员", ["branchId"] = unit.Branch.ToString(), ["hasVotingRights"] = "true" })),
            (new("patch", "/api/members/{id}", $"/api/members/{member}", new JsonObject { ["partyGroup"] = "第一党小组" }),
                new("patch", "/api/members/{id}", $"/api/members/{member}", new JsonObject { ["partyGroop"] = "第一党小组" })),
            (new("post", "/api/calendar-feeds", "/api/calendar-feeds", new JsonObject { ["organizationId"] = unit.Branch.ToString() }),
                new("post", "/api/calendar-feeds", "/api/calendar-feeds", new JsonObject { ["memberId"] = "x" })),
            (new("get", "/api/calendar-feeds/{token}.ics", new Uri(feed["url"]!.GetValue<string>(), UriKind.RelativeOrAbsolute).IsAbsoluteUri ? new Uri(feed["url"]!.GetValue<string>()).PathAndQuery : feed["url"]!.GetValue<string>(), null), new("get", "/api/calendar-feeds/{token}.ics", $"/api/calendar-feeds/{new string('A', 43)}.ics", null)),
            (new("delete", "/api/calendar-feeds/{id}", $"/api/calendar-feeds/{feed["id"]}", null), new("delete", "/api/calendar-feeds/{id}", $"/api/calendar-feeds/{unknown}", null)),
            (new("get", "/api/inbox", $"/api/inbox?organization={unit.Branch}", null), new("get", "/api/inbox", "/api/inbox", null)),
            (new("get", "/api/deadlines", "/api/deadlines?kind=initial-talk-due", null), new("get", "/api/deadlines", "/api/deadlines?dueBefore=tomorrow", null)),
            (new("get", "/api/deadlines/summary", $"/api/deadlines/summary?organization={unit.Committee}", null), new("get", "/api/deadlines/summary", $"/api/deadlines/summary?organization={unknown}", null)),
        };
        cases.AddRange(await UnitCasesAsync(api, member, unknown));
        cases.AddRange(await RecordCasesAsync(api, member, unknown));
        cases.AddRange(await EstablishmentCasesAsync(api, unit.Branch));
        cases.AddRange(await UserCasesAsync(api, member, unknown));
        var reminder = (await fixture.Factory.RemindersAsync(reminderSource)).First();
        cases.Add((new("post", "/api/inbox/{id}/read", $"/api/inbox/{reminder.Id}/read", null), new("post", "/api/inbox/{id}/read", $"/api/inbox/{unknown}/read", null)));

        var documented = schemas.Document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(m => $"{m.Key} {p.Key}")).Order().ToList();
        Assert.Equal(documented, cases.Select(c => $"{c.Accepted.Method} {c.Accepted.Route}").Order().ToList());

        var problems = new List<string>();
        foreach (var (accepted, refused) in cases)
        {
            problems.AddRange(await CheckAsync(schemas, accepted, expectSuccess: true));
            if (refused is not null) problems.AddRange(await CheckAsync(schemas, refused, expectSuccess: false));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Units, their coverage and assignments, reference lists and the coverage report.</summary>
    private static async Task<List<(Call Accepted, Call? Refused)>> UnitCasesAsync(ApiClient api, Guid member, Guid unknown)
    {
        var registry = new Units.Registry(api);
        var unit = await registry.UnitAsync("non-public-enterprise", Units.Registry.CountyA);
        var covered = await registry.UnitAsync("non-public-enterprise", Units.Registry.CountyA);
        var branch = await registry.OrganizationAsync("standalone", "2024-01-01", Units.Registry.CountyA, covered);
        var other = await registry.OrganizationAsync("standalone", "2024-01-01", Units.Registry.CountyA);
        var newUnit = (string code) => new JsonObject
        {
            ["name"] = "某某科技有限公司", ["type"] = "non-public-enterprise", ["creditCode"] = code, ["countyCode"] = Units.Registry.CountyA, ["industryCode"] = "I",
            ["foundedOn"] = "2019-05-01", ["surveyFullMembers"] = 2, ["hasFixedPremises"] = true,
        };
        return
        [
            (new("post", "/api/units", "/api/units", newUnit(CreditCodes.Next())), new("post", "/api/units", "/api/units", newUnit(CreditCodes.WithWrongCheckCharacter()))),
            (new("get", "/api/units", "/api/units?type=non-public-enterprise&covered=false", null), new("get", "/api/units", "/api/units?page=0", null)),
            (new("get", "/api/units/{id}", $"/api/units/{unit}", null), new("get", "/api/units/{id}", $"/api/units/{unknown}", null)),
            (new("patch", "/api/units/{id}", $"/api/units/{unit}", new JsonObject { ["employees"] = 30 }),
                new("patch", "/api/units/{id}", $"/api/units/{unknown}", new JsonObject { ["employees"] = 30 })),
            (new("post", "/api/units/{id}/assignments", $"/api/units/{unit}/assignments", new JsonObject { ["personId"] = member.ToString(), ["role"] = "instructor", ["from"] = "2025-01-01" }),
                new("post", "/api/units/{id}/assignments", $"/api/units/{unknown}/assignments", new JsonObject { ["personId"] = member.ToString(), ["role"] = "instructor", ["from"] = "2025-01-01" })),
            (new("post", "/api/party-organizations/{id}/covered-units", $"/api/party-organizations/{other}/covered-units", new JsonObject { ["unitIds"] = new JsonArray(unit.ToString()), ["from"] = "2025-01-01" }),
                new("post", "/api/party-organizations/{id}/covered-units", $"/api/party-organizations/{other}/covered-units", new JsonObject { ["unitIds"] = new JsonArray(covered.ToString()), ["from"] = "2025-01-01" })),
            (new("post", "/api/party-organizations/{id}/dissolve", $"/api/party-organizations/{branch}/dissolve", new JsonObject { ["date"] = "2026-01-01", ["reason"] = "撤销" }),
                new("post", "/api/party-organizations/{id}/dissolve", $"/api/party-organizations/{unknown}/dissolve", new JsonObject { ["date"] = "2026-01-01", ["reason"] = "撤销" })),
            (new("post", "/api/party-organizations/{id}/terms", $"/api/party-organizations/{other}/terms", new JsonObject { ["electedOn"] = "2024-01-01", ["secretaryId"] = member.ToString() }),
                new("post", "/api/party-organizations/{id}/terms", $"/api/party-organizations/{other}/terms", new JsonObject { ["electedOn"] = "2024-02-01", ["secretaryId"] = unknown.ToString() })),
            (new("post", "/api/funds/payments", "/api/funds/payments", new JsonObject { ["organizationId"] = other.ToString(), ["paidOn"] = "2024-06-30", ["amount"] = 2500.5m, ["paidTo"] = "某党支部" }),
                new("post", "/api/funds/payments", "/api/funds/payments", new JsonObject { ["organizationId"] = unknown.ToString(), ["paidOn"] = "2024-06-30", ["amount"] = 1, ["paidTo"] = "x" })),
            (new("get", "/api/funds/ledger", $"/api/funds/ledger?from=2024-01-01&to=2024-12-31&county={Units.Registry.CountyA}", null), new("get", "/api/funds/ledger", "/api/funds/ledger?from=2024-01-01", null)),
            (new("get", "/api/reference/counties", "/api/reference/counties", null), null),
            (new("get", "/api/units/import/template", "/api/units/import/template", null), null),
            (new("post", "/api/units/import", "/api/units/import?dryRun=true", null, () => Survey("单位名称,单位类型,统一社会信用代码,所在县（市）\n甲公司,社会组织," + CreditCodes.Next() + ",东山县\n")),
                new("post", "/api/units/import", "/api/units/import", null, () => Survey("单位名称,颜色\n甲公司,红\n"))),
            (new("get", "/api/reference/industries", "/api/reference/industries", null), null),
            (new("get", "/api/reports/coverage", "/api/reports/coverage?asOf=2026-11-30&type=non-public-enterprise", null), new("get", "/api/reports/coverage", "/api/reports/coverage?county=000000", null)),
            (new("post", "/api/party-organizations/{id}/adjustments", $"/api/party-organizations/{other}/adjustments", new JsonObject
                {
                    ["date"] = "2026-01-01", ["decision"] = "keep", ["reason"] = "企业承诺发展党员", ["ruleIds"] = new JsonArray("kind-fits-size"),
                }),
                new("post", "/api/party-organizations/{id}/adjustments", $"/api/party-organizations/{unknown}/adjustments", new JsonObject
                {
                    ["date"] = "2026-01-01", ["decision"] = "dissolve", ["reason"] = "撤销",
                })),
            (new("get", "/api/reports/terms", $"/api/reports/terms?county={Units.Registry.CountyA}", null), new("get", "/api/reports/terms", "/api/reports/terms?asOf=soon", null)),
            (new("get", "/api/units/export", $"/api/units/export?county={Units.Registry.CountyA}", null), new("get", "/api/units/export", "/api/units/export?type=x", null)),
            (new("get", "/api/party-organizations/export", "/api/party-organizations/export?kind=branch", null), new("get", "/api/party-organizations/export", "/api/party-organizations/export?county=000000", null)),
            (new("get", "/api/reports/coverage/export", "/api/reports/coverage/export?from=2024-01-01&to=2024-12-31", null), new("get", "/api/reports/coverage/export", "/api/reports/coverage/export?from=2024-01-01", null)),
        ];
    }

    /// <summary>Plaques, the welcome package, records and training classes.</summary>
    private static async Task<List<(Call Accepted, Call? Refused)>> RecordCasesAsync(ApiClient api, Guid member, Guid unknown)
    {
        var organization = await new Units.Registry(api).OrganizationAsync("standalone", "2024-01-01", Units.Registry.CountyA);
        var created = await ApiClient.ExpectAsync(await api.Client.PostAsJsonAsync("/api/training-classes", new
        {
            name = "积极分子培训班", kind = "activists", organizerId = organization, startsOn = "2026-03-01", endsOn = "2026-03-03", days = 3, classHours = 24,
        }), HttpStatusCode.Created);
        var training = created["id"]!.GetValue<string>();
        var newClass = new JsonObject
        {
            ["name"] = "书记培训班", ["kind"] = "secretaries", ["organizerId"] = organization.ToString(), ["startsOn"] = "2026-04-01", ["endsOn"] = "2026-04-02", ["days"] = 2, ["classHours"] = 16,
        };
        return
        [
            (new("post", "/api/party-organizations/{id}/plaques", $"/api/party-organizations/{organization}/plaques", new JsonObject { ["hungOn"] = "2024-02-01", ["kind"] = "mobile" }),
                new("post", "/api/party-organizations/{id}/plaques", $"/api/party-organizations/{organization}/plaques", new JsonObject { ["hungOn"] = "2024-02-01", ["kind"] = "fixed" })),
            (new("put", "/api/party-organizations/{id}/welcome-package/{item}", $"/api/party-organizations/{organization}/welcome-package/seal", new JsonObject { ["deliveredOn"] = "2024-02-01" }),
                new("put", "/api/party-organizations/{id}/welcome-package/{item}", $"/api/party-organizations/{organization}/welcome-package/cake", new JsonObject { ["deliveredOn"] = "2024-02-01" })),
            (new("get", "/api/party-organizations/{id}/records", $"/api/party-organizations/{organization}/records", null),
                new("get", "/api/party-organizations/{id}/records", $"/api/party-organizations/{unknown}/records", null)),
            (new("post", "/api/records", "/api/records", new JsonObject { ["kind"] = "hardship-visit", ["personId"] = member.ToString(), ["on"] = "2026-01-20", ["title"] = "春节慰问", ["amount"] = 500 }),
                new("post", "/api/records", "/api/records", new JsonObject { ["kind"] = "hardship-visit", ["personId"] = member.ToString(), ["on"] = "2026-01-20", ["title"] = "春节慰问", ["amount"] = "500元" })),
            (new("get", "/api/records", $"/api/records?person={member}", null), new("get", "/api/records", "/api/records?kind=party", null)),
            (new("post", "/api/training-classes", "/api/training-classes", newClass),
                new("post", "/api/training-classes", "/api/training-classes", new JsonObject { ["name"] = "x", ["kind"] = "activists", ["organizerId"] = organization.ToString(), ["startsOn"] = "2026-04-01", ["endsOn"] = "2026-04-02", ["days"] = "two", ["classHours"] = 16 })),
            (new("get", "/api/training-classes/{id}", $"/api/training-classes/{training}", null), new("get", "/api/training-classes/{id}", $"/api/training-classes/{unknown}", null)),
            (new("post", "/api/training-classes/{id}/attendance", $"/api/training-classes/{training}/attendance", new JsonObject { ["personIds"] = new JsonArray(member.ToString()) }),
                new("post", "/api/training-classes/{id}/attendance", $"/api/training-classes/{unknown}/attendance", new JsonObject { ["personIds"] = new JsonArray(member.ToString()) })),
        ];
    }

    /// <summary>The alias that starts an establishment request; refused, the same request again (its unit is in an open request).</summary>
    /// <summary>Sign-in and user administration (the test client is signed in as the administrator).</summary>
    private static async Task<List<(Call Accepted, Call? Refused)>> UserCasesAsync(ApiClient api, Guid member, Guid unknown)
    {
        const string password = "OpenApi-tests-Password-1";
        var user = (await ApiClient.ExpectAsync(await api.Client.PostAsJsonAsync("/api/users", new { userName = "openapi-user", password, personId = member }), HttpStatusCode.Created))["id"]!;
        var login = await ApiClient.ExpectAsync(await api.Client.PostAsJsonAsync("/api/auth/login", new { userName = "openapi-user", password }), HttpStatusCode.OK);
        return
        [
            (new("post", "/api/auth/login", "/api/auth/login", new JsonObject { ["userName"] = "openapi-user", ["password"] = password }),
                new("post", "/api/auth/login", "/api/auth/login", new JsonObject { ["userName"] = "openapi-user", ["password"] = "wrong-password-1A" })),
            (new("post", "/api/auth/refresh", "/api/auth/refresh", new JsonObject { ["refreshToken"] = login["refreshToken"]!.GetValue<string>() }),
                new("post", "/api/auth/refresh", "/api/auth/refresh", new JsonObject { ["refreshToken"] = "not-a-token" })),
            (new("get", "/api/auth/me", "/api/auth/me", null), null),
            (new("get", "/api/auth/antiforgery", "/api/auth/antiforgery", null), null),
            (new("post", "/api/auth/logout", "/api/auth/logout", null), null),
            (new("post", "/api/users", "/api/users", new JsonObject
                {
                    ["userName"] = "openapi-user-2", ["password"] = password, ["displayName"] = "某用户",
                    ["roles"] = new JsonArray(new JsonObject { ["role"] = "branch" }),
                }),
                new("post", "/api/users", "/api/users", new JsonObject { ["userName"] = "openapi-user-3", ["password"] = password, ["personId"] = unknown.ToString() })),
            (new("get", "/api/users", "/api/users", null), null),
            (new("put", "/api/users/{id}/roles", $"/api/users/{user}/roles", new JsonObject { ["roles"] = new JsonArray(new JsonObject { ["role"] = "instructor" }) }),
                new("put", "/api/users/{id}/roles", $"/api/users/{unknown}/roles", new JsonObject { ["roles"] = new JsonArray() })),
            (new("put", "/api/users/{id}/disabled", $"/api/users/{user}/disabled", new JsonObject { ["disabled"] = false }),
                new("put", "/api/users/{id}/disabled", $"/api/users/{unknown}/disabled", new JsonObject { ["disabled"] = true })),
        ];
    }

    private static async Task<List<(Call Accepted, Call? Refused)>> EstablishmentCasesAsync(ApiClient api, Guid branch)
    {
        var committee = await ApiClient.ExpectAsync(await api.Client.PostAsJsonAsync("/api/party-organizations", new { name = "某县两新工委", kind = "work-committee", countyCode = "990104" }), HttpStatusCode.Created);
        var unit = await new Units.Registry(api).UnitAsync("non-public-enterprise", "990104");
        var founders = new JsonArray();
        for (var i = 0; i < 3; i++)
            founders.Add((await ApiClient.ExpectAsync(await api.Client.PostAsJsonAsync("/api/members", new
            {
                name = $"创建党员{i}", gender = "female", ethnicity = "汉族", citizenId = CitizenIds.For(new DateOnly(1981 + i, 2, 2)), branchId = branch, membership = "full", unitId = unit,
            }), HttpStatusCode.Created))["id"]!.GetValue<string>());
        var request = new JsonObject
        {
            ["actorId"] = (await api.CreateMemberAsync(branch)).ToString(), ["actorRole"] = "work-committee", ["date"] = "2026-11-02",
            ["workCommitteeId"] = committee["id"]!.GetValue<string>(), ["name"] = "某公司党支部", ["mode"] = "standalone", ["proposedKind"] = "branch",
            ["unitIds"] = new JsonArray(unit.ToString()), ["foundingMemberIds"] = founders,
        };
        // Refused: the same request again, its unit being in an open request now (unit-not-covered).
        return [(new("post", "/api/establishments", "/api/establishments", request), new("post", "/api/establishments", "/api/establishments", (JsonObject)request.DeepClone()))];
    }

    private static MultipartFormDataContent Survey(string csv) => new() { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "survey.csv" } };

    private async Task<IEnumerable<string>> CheckAsync(OpenApiSchemas schemas, Call call, bool expectSuccess)
    {
        var problems = new List<string>();
        var operation = schemas.Operation(call.Method, call.Route);
        using var request = new HttpRequestMessage(new HttpMethod(call.Method.ToUpperInvariant()), call.Url);
        if (call.Body is not null) request.Content = new StringContent(call.Body.ToJsonString(), Encoding.UTF8, "application/json");
        if (call.Upload is not null) request.Content = call.Upload();
        using var response = await fixture.Api.Client.SendAsync(request);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var name = $"{call.Method} {call.Url} → {status}";
        if (expectSuccess != response.IsSuccessStatusCode) problems.Add($"{name}: expected {(expectSuccess ? "success" : "a refusal")}: {text}");
        if (operation["responses"]?[status.ToString()] is not { } documented) { problems.Add($"{name}: status not documented"); return problems; }

        var requestSchema = operation["requestBody"]?["content"]?["application/json"]?["schema"];
        if (call.Body is not null && requestSchema is null) problems.Add($"{name}: no request body documented");
        if (call.Body is not null && requestSchema is not null)
        {
            // The body as sent: the signed-in client takes the actor out of it (SignedInActors).
            var sent = call.Body.DeepClone();
            if (sent is JsonObject fields && fields["actorId"] is JsonValue actor && actor.TryGetValue<string>(out var id) && Guid.TryParse(id, out _))
            {
                fields.Remove("actorId");
                fields.Remove("actorRole");
            }
            var bodyProblems = schemas.Problems(requestSchema, sent);
            if (expectSuccess && bodyProblems.Count > 0) problems.Add($"{name}: accepted body does not match the document: {string.Join("; ", bodyProblems)}");
            if (status == 400 && bodyProblems.Count == 0) problems.Add($"{name}: the document allows a body the server refuses as malformed");
        }
        if (!expectSuccess)
        {
            var problemSchema = documented["content"]?["application/problem+json"]?["schema"];
            if (problemSchema is null) problems.Add($"{name}: no problem body documented");
            else problems.AddRange(schemas.Problems(problemSchema, JsonNode.Parse(text)).Select(p => $"{name}: {p}"));
        }
        return problems;
    }
}
