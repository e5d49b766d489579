using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PartyWorkflow.Api.Tests.Infrastructure;
using PartyWorkflow.Api.Tests.Units;

namespace PartyWorkflow.Api.Tests.Records;

/// <summary>
/// Plaques and the welcome package on an organization, the seed's simple records, and training
/// classes whose activists' class counts towards the training rule of member development.
/// </summary>
public sealed class RecordsTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private ApiClient Api => fixture.Api;

    [Fact]
    public async Task A_plaque_is_fixed_where_the_unit_has_premises_and_mobile_otherwise()
    {
        var registry = new Registry(Api);
        var withPremises = await registry.UnitAsync("non-public-enterprise", Registry.CountyA, fullMembers: 3);
        var organization = await registry.OrganizationAsync("standalone", "2021-01-01", Registry.CountyA, withPremises);
        var plaque = await ApiClient.ExpectAsync(await Api.Client.PostAsJsonAsync($"/api/party-organizations/{organization}/plaques", new { hungOn = "2021-02-01" }), HttpStatusCode.Created);
        Assert.Equal(("fixed", withPremises.ToString()), (plaque["kind"]!.GetValue<string>(), plaque["unitId"]!.GetValue<string>()));

        var bare = await Api.Client.PostAsJsonAsync("/api/units", new
        {
            name = "无场所公司", type = "non-public-enterprise", creditCode = CreditCodes.Next(), countyCode = Registry.CountyA, hasFixedPremises = false,
        });
        var bareUnit = Guid.Parse((await ApiClient.ExpectAsync(bare, HttpStatusCode.Created))["id"]!.GetValue<string>());
        var joint = await registry.OrganizationAsync("joint", "2021-01-01", Registry.CountyA, bareUnit, await registry.UnitAsync("non-public-enterprise", Registry.CountyA));
        await ExpectRefusedAsync($"/api/party-organizations/{joint}/plaques", new { hungOn = "2021-02-01", kind = "fixed", unitId = bareUnit }, "plaque-fits-premises");
        await ExpectRefusedAsync($"/api/party-organizations/{joint}/plaques", new { hungOn = "2021-02-01", kind = "fixed" }, "plaque-fits-premises");
        await ExpectRefusedAsync($"/api/party-organizations/{joint}/plaques", new { hungOn = "2021-02-01", unitId = withPremises }, "plaque-unit-covered");
        var mobile = await ApiClient.ExpectAsync(await Api.Client.PostAsJsonAsync($"/api/party-organizations/{joint}/plaques", new { hungOn = "2021-02-01", unitId = bareUnit }), HttpStatusCode.Created);
        Assert.Equal("mobile", mobile["kind"]!.GetValue<string>());

        await ExpectMalformedAsync(HttpMethod.Post, $"/api/party-organizations/{organization}/plaques", new { hungOn = "2027-01-01" }, "hungOn");
        await ExpectMalformedAsync(HttpMethod.Post, $"/api/party-organizations/{organization}/plaques", new { hungOn = "2021-02-01", kind = "neon" }, "kind");
        var records = await Api.GetAsync($"/api/party-organizations/{organization}/records");
        Assert.Equal(plaque["id"]!.GetValue<string>(), records["plaque"]!["id"]!.GetValue<string>());
        Assert.Single(records["plaques"]!.AsArray());
    }

    [Fact]
    public async Task The_welcome_package_is_checked_off_item_by_item()
    {
        var organization = await new Registry(Api).OrganizationAsync("standalone", "2021-01-01", Registry.CountyA);
        string[] items = ["party-flag", "plaque", "seal", "materials", "badge", "constitution", "pen", "notebook"];
        foreach (var item in items[..7])
            await ApiClient.ExpectAsync(await Api.Client.PutAsJsonAsync($"/api/party-organizations/{organization}/welcome-package/{item}", new { deliveredOn = "2021-03-01" }), HttpStatusCode.OK);
        var partial = await Api.GetAsync($"/api/party-organizations/{organization}/records");
        Assert.False(partial["welcomePackageComplete"]!.GetValue<bool>());
        Assert.Equal(items, partial["welcomePackage"]!.AsArray().Select(i => i!["item"]!.GetValue<string>()));
        Assert.Null(partial["welcomePackage"]![7]!["deliveredOn"]);

        // Sent twice, corrected once: still one row per item.
        for (var i = 0; i < 2; i++)
            await ApiClient.ExpectAsync(await Api.Client.PutAsJsonAsync($"/api/party-organizations/{organization}/welcome-package/notebook", new { deliveredOn = "2021-03-02", notes = "10本" }), HttpStatusCode.OK);
        var complete = await Api.GetAsync($"/api/party-organizations/{organization}/records");
        Assert.True(complete["welcomePackageComplete"]!.GetValue<bool>());
        Assert.Equal("2021-03-02", complete["welcomePackage"]![7]!["deliveredOn"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Client.PutAsJsonAsync($"/api/party-organizations/{organization}/welcome-package/cake", new { deliveredOn = "2021-03-01" })).StatusCode);
        await ExpectMalformedAsync(HttpMethod.Put, $"/api/party-organizations/{organization}/welcome-package/pen", new { deliveredOn = "2030-03-01" }, "deliveredOn");
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Client.PutAsJsonAsync($"/api/party-organizations/{Guid.NewGuid()}/welcome-package/pen", new { deliveredOn = "2021-03-01" })).StatusCode);
    }

    [Fact]
    public async Task Visits_commendations_and_nominations_are_dated_records_on_members_and_organizations()
    {
        var organization = await Api.CreateOrganizationAsync("branch", name: "记录党支部");
        var member = await Api.CreateMemberAsync(organization, name: "困难党员");
        var visit = await ApiClient.ExpectAsync(await Api.Client.PostAsJsonAsync("/api/records", new
        {
            kind = "hardship-visit", personId = member, organizationId = organization, on = "2026-01-20", title = "春节慰问", by = "县两新工委", amount = 500,
        }), HttpStatusCode.Created);
        Assert.Equal("困难党员", visit["personName"]!.GetValue<string>());
        await ApiClient.ExpectAsync(await Api.Client.PostAsJsonAsync("/api/records", new { kind = "commendation", organizationId = organization, on = "2025-07-01", title = "先进基层党组织" }), HttpStatusCode.Created);
        await ApiClient.ExpectAsync(await Api.Client.PostAsJsonAsync("/api/records", new { kind = "delegate-nomination", personId = member, on = "2025-05-01", title = "州第十次党代会代表" }), HttpStatusCode.Created);

        var byMember = await Api.GetAsync($"/api/records?person={member}");
        Assert.Equal(["hardship-visit", "delegate-nomination"], byMember["items"]!.AsArray().Select(r => r!["kind"]!.GetValue<string>()));
        Assert.Equal(2, (await Api.GetAsync($"/api/party-organizations/{organization}/records"))["records"]!.AsArray().Count);
        Assert.Single((await Api.GetAsync($"/api/records?organization={organization}&kind=commendation&from=2025-01-01&to=2025-12-31"))["items"]!.AsArray());

        await ExpectMalformedAsync(HttpMethod.Post, "/api/records", new { kind = "hardship-visit", on = "2026-01-20", title = "慰问" }, "personId");
        await ExpectMalformedAsync(HttpMethod.Post, "/api/records", new { kind = "commendation", personId = member, on = "2026-01-20", title = "优秀党员", amount = 100 }, "amount");
        await ExpectMalformedAsync(HttpMethod.Post, "/api/records", new { kind = "commendation", personId = member, on = "2026-12-20", title = "优秀党员" }, "on");
        await ExpectMalformedAsync(HttpMethod.Post, "/api/records", new { kind = "party", personId = member, on = "2026-01-20", title = "x" }, "kind");
        await ExpectMalformedAsync(HttpMethod.Post, "/api/records", new { kind = "commendation", personId = Guid.NewGuid(), on = "2026-01-20", title = "x" }, "personId");
        Assert.Equal(2, (await Api.GetAsync($"/api/records?person={member}&pageSize=200"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_activists_class_attended_counts_towards_the_training_of_a_development_target()
    {
        var unit = await Infrastructure.Unit.CreateAsync(Api);
        var instance = await unit.StartAsync("political-review");
        var applicant = await unit.PersonIdAsync(instance);
        await unit.ActAsync(instance, "complete-training", "2024-08-01", new JsonObject { ["days"] = 1, ["classHours"] = 8 });
        Assert.Equal(["training-3-days-or-24-hours"], await unit.RefusedAsync(instance, "branch-committee-review", "2024-08-20", new JsonObject { ["result"] = "passed" }));

        // A secretaries' class does not count; the activists' class of 2023 does.
        var secretaries = await ClassAsync(unit.Committee, "secretaries", "2024-03-01", "2024-03-05", 5);
        await ApiClient.ExpectAsync(await Api.Client.PostAsJsonAsync($"/api/training-classes/{secretaries}/attendance", new { personIds = new[] { applicant } }), HttpStatusCode.OK);
        Assert.Equal(["training-3-days-or-24-hours"], await unit.RefusedAsync(instance, "branch-committee-review", "2024-08-20", new JsonObject { ["result"] = "passed" }));
        var activists = await ClassAsync(unit.Committee, "activists", "2023-11-01", "2023-11-02", 2);
        var attended = await ApiClient.ExpectAsync(await Api.Client.PostAsJsonAsync($"/api/training-classes/{activists}/attendance",
            new { personIds = new[] { applicant, unit.Members[4] } }), HttpStatusCode.OK);
        Assert.Equal(2, attended["added"]!.GetValue<int>());
        var again = await ApiClient.ExpectAsync(await Api.Client.PostAsJsonAsync($"/api/training-classes/{activists}/attendance", new { personIds = new[] { applicant } }), HttpStatusCode.OK);
        Assert.Equal((0, 1), (again["added"]!.GetValue<int>(), again["alreadyListed"]!.GetValue<int>()));
        Assert.Equal(2, (await Api.GetAsync($"/api/training-classes/{activists}"))["attendees"]!.AsArray().Count);

        await unit.ActAsync(instance, "branch-committee-review", "2024-08-20", new JsonObject { ["result"] = "passed" });
    }

    [Fact]
    public async Task Bad_classes_and_attendance_are_refused_by_field()
    {
        var organizer = await Api.CreateOrganizationAsync("party-committee", name: "培训党委");
        var body = (object endsOn, object days) => new { name = "入党积极分子培训班", kind = "activists", organizerId = organizer, startsOn = "2026-05-01", endsOn, days, classHours = 24 };
        await ExpectMalformedAsync(HttpMethod.Post, "/api/training-classes", body("2026-04-30", 1), "endsOn");
        await ExpectMalformedAsync(HttpMethod.Post, "/api/training-classes", body("2026-05-02", 3), "days");
        await ExpectMalformedAsync(HttpMethod.Post, "/api/training-classes", new { name = "x", kind = "cooking", organizerId = organizer, startsOn = "2026-05-01", endsOn = "2026-05-01", days = 1, classHours = 1 }, "kind");
        await ExpectMalformedAsync(HttpMethod.Post, "/api/training-classes", new { name = "x", kind = "activists", organizerId = Guid.NewGuid(), startsOn = "2026-05-01", endsOn = "2026-05-01", days = 1, classHours = 1 }, "organizerId");

        var planned = await ClassAsync(organizer, "activists", "2027-01-10", "2027-01-12", 3);
        var member = await Api.CreateMemberAsync(await Api.CreateOrganizationAsync("branch"));
        await ExpectMalformedAsync(HttpMethod.Post, $"/api/training-classes/{planned}/attendance", new { personIds = new[] { member } }, "personIds");
        var held = await ClassAsync(organizer, "activists", "2026-05-01", "2026-05-03", 3);
        await ExpectMalformedAsync(HttpMethod.Post, $"/api/training-classes/{held}/attendance", new { personIds = new[] { member, Guid.NewGuid() } }, "personIds[1]");
        await ExpectMalformedAsync(HttpMethod.Post, $"/api/training-classes/{held}/attendance", new { personIds = new[] { member, member } }, "personIds");
        Assert.Empty((await Api.GetAsync($"/api/training-classes/{held}"))["attendees"]!.AsArray());
    }

    private async Task<Guid> ClassAsync(Guid organizer, string kind, string starts, string ends, int days)
    {
        var created = await ApiClient.ExpectAsync(await Api.Client.PostAsJsonAsync("/api/training-classes", new
        {
            name = $"{kind}培训班", kind, organizerId = organizer, startsOn = starts, endsOn = ends, days, classHours = days * 8,
        }), HttpStatusCode.Created);
        return Guid.Parse(created["id"]!.GetValue<string>());
    }

    private async Task ExpectRefusedAsync(string url, object body, string ruleId)
    {
        using var response = await Api.Client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, text);
        Assert.Contains(ruleId, text);
    }

    private async Task ExpectMalformedAsync(HttpMethod method, string url, object body, string field)
    {
        using var response = await Api.Client.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) });
        var problem = await ApiClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]?[field] is not null, $"{url}: expected an error on {field}: {problem.ToJsonString()}");
    }
}
