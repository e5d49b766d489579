using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PartyWorkflow.Api.Tests.Infrastructure;

namespace PartyWorkflow.Api.Tests.Units;

/// <summary>Units and organizations on record: one coverage at a time, checked credit codes, instructors, work committees.</summary>
public sealed class UnitRegistryTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private const string Enterprise = "non-public-enterprise";
    private const string Social = "social-organization";

    [Fact]
    public async Task A_unit_is_covered_by_one_organization_at_a_time_and_its_code_is_checked()
    {
        var registry = new Registry(fixture.Api);
        var unit = await registry.UnitAsync(Enterprise, Registry.CountyA);
        var first = await registry.OrganizationAsync("standalone", "2022-01-01", Registry.CountyA, unit);
        var second = await registry.OrganizationAsync("joint", "2022-06-01", Registry.CountyA);
        Assert.Equal(["unit-not-covered"], await ApiClient.UnmetRulesAsync(await registry.CoverAsync(second, "2022-06-01", null, unit)));

        // Once the first is dissolved the unit may join another from that date, not before.
        await ApiClient.ExpectAsync(await fixture.Api.Client.PostAsJsonAsync($"/api/party-organizations/{first}/dissolve", new { date = "2023-01-01", reason = "合并" }), HttpStatusCode.OK);
        Assert.Equal(["unit-not-covered"], await ApiClient.UnmetRulesAsync(await registry.CoverAsync(second, "2022-12-01", null, unit)));
        await registry.ExpectCoverAsync(second, "2023-01-01", null, unit);
        var view = await fixture.Api.GetAsync($"/api/units/{unit}");
        Assert.Equal(second.ToString(), view["coveredBy"]!.GetValue<string>());
        Assert.Equal("joint", view["coverageMode"]!.GetValue<string>());

        var wrong = await fixture.Api.Client.PostAsJsonAsync("/api/units", new
        {
            name = "某公司", type = Enterprise, creditCode = CreditCodes.WithWrongCheckCharacter(), countyCode = "000000",
        });
        Assert.Equal(["credit-code-valid", "county-known"], await ApiClient.UnmetRulesAsync(wrong));
        var code = CreditCodes.Next();
        Assert.Equal(HttpStatusCode.Created, (await fixture.Api.Client.PostAsJsonAsync("/api/units", new { name = "甲公司", type = Enterprise, creditCode = code.ToLowerInvariant(), countyCode = Registry.CountyA })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await fixture.Api.Client.PostAsJsonAsync("/api/units", new { name = "乙公司", type = Enterprise, creditCode = code, countyCode = Registry.CountyA })).StatusCode);
    }

    [Fact]
    public async Task An_instructor_above_five_units_is_warned_and_work_committees_nest_by_county()
    {
        var registry = new Registry(fixture.Api);
        var instructor = await fixture.Api.CreateMemberAsync(await fixture.Api.CreateOrganizationAsync("branch"), name: "指导员");
        JsonObject? last = null;
        for (var i = 0; i < 6; i++)
        {
            var unit = await registry.UnitAsync(Social, Registry.CountyB);
            last = await ApiClient.ExpectAsync(await fixture.Api.Client.PostAsJsonAsync($"/api/units/{unit}/assignments",
                new { personId = instructor, role = "instructor", from = "2025-01-01", to = "2027-01-01" }), HttpStatusCode.Created);
            Assert.Equal(i < 5 ? 0 : 1, last["warnings"]!.AsArray().Count);
        }
        Assert.Equal("instructor-max-units", last!["warnings"]![0]!["ruleId"]!.GetValue<string>());

        var prefecture = await ApiClient.ExpectAsync(await fixture.Api.Client.PostAsJsonAsync("/api/party-organizations",
            new { name = "州两新工委", kind = "work-committee", countyCode = "990000" }), HttpStatusCode.Created);
        var county = await fixture.Api.Client.PostAsJsonAsync("/api/party-organizations",
            new { name = "东山县两新工委", kind = "work-committee", countyCode = Registry.CountyA, parentId = prefecture["id"]!.GetValue<string>() });
        Assert.Equal(HttpStatusCode.Created, county.StatusCode);
        var branch = await fixture.Api.CreateOrganizationAsync("branch");
        var misplaced = await fixture.Api.Client.PostAsJsonAsync("/api/party-organizations", new { name = "县两新工委", kind = "work-committee", countyCode = Registry.CountyB, parentId = branch });
        Assert.Equal(["organization-hierarchy"], await ApiClient.UnmetRulesAsync(misplaced));
        var noArea = await fixture.Api.Client.PostAsJsonAsync("/api/party-organizations", new { name = "县两新工委", kind = "work-committee" });
        Assert.Equal(HttpStatusCode.BadRequest, noArea.StatusCode);
    }

}
