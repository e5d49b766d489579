using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PartyWorkflow.Api.Tests.Infrastructure;

namespace PartyWorkflow.Api.Tests.Units;

/// <summary>
/// The coverage report's two lists: organizations that no longer fit the size rules, flagged with
/// each rule id that fails at its boundary, and the uncovered units with the most members first.
/// A unit's members are the larger of the registered ones and the survey's.
/// </summary>
public abstract class OrganizationFitTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : ApiFixture
{
    private const string Enterprise = "non-public-enterprise";

    [Fact]
    public async Task Organizations_that_no_longer_fit_are_flagged_by_rule_id_and_uncovered_units_listed_by_members()
    {
        var registry = new Registry(fixture.Api);
        async Task<Guid> Unit(int full, string founded = "2020-01-01") => await registry.UnitAsync(Enterprise, Registry.CountyA, founded, fullMembers: full);

        var fits = await registry.OrganizationAsync("standalone", "2021-01-01", Registry.CountyA, await Unit(3));
        var tooFew = await registry.OrganizationAsync("standalone", "2021-01-01", Registry.CountyA, await Unit(2));
        // The survey said 1; three are registered as working there (and one probationary), so it fits.
        var grownUnit = await Unit(1);
        var registered = await registry.OrganizationAsync("standalone", "2021-01-01", Registry.CountyA, grownUnit);
        var branch = await fixture.Api.CreateOrganizationAsync("branch");
        for (var i = 0; i < 3; i++) await MemberAsync(branch, grownUnit, "full");
        await MemberAsync(branch, grownUnit, "probationary");
        // The survey said 2 and one is registered: still 2.
        var shrunkUnit = await Unit(2);
        var shrunk = await registry.OrganizationAsync("standalone", "2021-01-01", Registry.CountyA, shrunkUnit);
        await MemberAsync(branch, shrunkUnit, "full");

        var jointFits = await registry.OrganizationAsync("joint", "2021-01-01", Registry.CountyA, await Unit(1), await Unit(1), await Unit(1));
        var grown = await registry.OrganizationAsync("joint", "2021-01-01", Registry.CountyA, await Unit(3), await Unit(0));
        var jointTooFew = await registry.OrganizationAsync("joint", "2021-01-01", Registry.CountyA, await Unit(1), await Unit(1));
        var six = new List<Guid>();
        for (var i = 0; i < 6; i++) six.Add(await Unit(1));
        var tooMany = await registry.OrganizationAsync("joint", "2021-01-01", Registry.CountyA, six.ToArray());
        var five = await registry.OrganizationAsync("joint", "2021-01-01", Registry.CountyA, await Unit(1), await Unit(1), await Unit(0), await Unit(0), await Unit(1));
        var generalBranch = await ApiClient.ExpectAsync(await fixture.Api.Client.PostAsJsonAsync("/api/party-organizations", new
        {
            name = "某公司党总支", kind = "general-branch", countyCode = Registry.CountyA, formationMode = "standalone", establishedOn = "2021-01-01",
        }), HttpStatusCode.Created);
        var general = Guid.Parse(generalBranch["id"]!.GetValue<string>());
        await registry.ExpectCoverAsync(general, "2021-01-01", null, await Unit(50));
        // A temporary organization keeps its members elsewhere: never flagged.
        var projectUnit = await Unit(0);
        await registry.OrganizationAsync("functional", "2021-01-01", Registry.CountyA, projectUnit);

        var report = await registry.CoverageAsync($"asOf=2022-01-01&county={Registry.CountyA}");
        var flags = report["misfits"]!.AsArray().ToDictionary(m => Guid.Parse(m!["id"]!.GetValue<string>()),
            m => m!["flags"]!.AsArray().Select(f => f!["ruleId"]!.GetValue<string>()).Order().ToArray());
        Assert.DoesNotContain(fits, flags.Keys);
        Assert.DoesNotContain(jointFits, flags.Keys);
        Assert.DoesNotContain(registered, flags.Keys);
        Assert.Equal(["kind-fits-size", "standalone-min-3-full-members"], flags[tooFew]);
        Assert.Equal(["kind-fits-size", "standalone-min-3-full-members"], flags[shrunk]);
        Assert.Equal(["joint-only-below-3"], flags[grown]);
        Assert.Equal(["joint-min-3-full-members", "kind-fits-size"], flags[jointTooFew]);
        Assert.Equal(["joint-2-to-5-units"], flags[tooMany]);
        Assert.DoesNotContain(five, flags.Keys);
        Assert.Equal(["kind-fits-size"], flags[general]);
        Assert.Equal(6, flags.Count);
        var shrunkLine = report["misfits"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == shrunk.ToString())!;
        Assert.Equal((2, 2), (shrunkLine["fullMembers"]!.GetValue<int>(), shrunkLine["members"]!.GetValue<int>()));
        Assert.Contains("2", shrunkLine["flags"]![0]!["zh"]!.GetValue<string>());

        // Before the organizations existed nothing is flagged; a unit of 7 founded later is uncovered then, listed first.
        Assert.Empty((await registry.CoverageAsync($"asOf=2020-06-30&county={Registry.CountyA}"))["misfits"]!.AsArray());
        var seven = await Unit(7, founded: "2021-06-01");
        var four = await Unit(4, founded: "2021-06-01");
        var uncovered = (await registry.CoverageAsync($"asOf=2022-01-01&county={Registry.CountyA}"))["uncovered"]!.AsArray();
        Assert.Equal([seven.ToString(), four.ToString()], uncovered.Take(2).Select(u => u!["id"]!.GetValue<string>()));
        Assert.Equal(7, uncovered[0]!["fullMembers"]!.GetValue<int>());
        // A temporary organization does not cover its project's unit in the report's sense.
        Assert.Equal(projectUnit.ToString(), uncovered[^1]!["id"]!.GetValue<string>());
        Assert.Equal(3, uncovered.Count);
        Assert.Single((await registry.CoverageAsync($"asOf=2021-05-31&county={Registry.CountyA}"))["uncovered"]!.AsArray());
    }

    [Fact]
    public async Task The_work_committee_keeps_merges_or_dissolves_and_the_report_follows_from_the_date()
    {
        var registry = new Registry(fixture.Api);
        async Task<Guid> Unit(int full) => await registry.UnitAsync(Enterprise, Registry.CountyB, fullMembers: full);
        var small = await registry.OrganizationAsync("standalone", "2021-01-01", Registry.CountyB, await Unit(2));
        var (a, b) = (await Unit(1), await Unit(1));
        var joint = await registry.OrganizationAsync("joint", "2021-01-01", Registry.CountyB, a, b);
        var host = await registry.OrganizationAsync("standalone", "2021-01-01", Registry.CountyB, await Unit(5));
        var member = await fixture.Api.CreateMemberAsync(joint, name: "联合支部党员");

        async Task<JsonObject> Adjust(Guid organization, object body, HttpStatusCode expected = HttpStatusCode.Created) =>
            await ApiClient.ExpectAsync(await fixture.Api.Client.PostAsJsonAsync($"/api/party-organizations/{organization}/adjustments", body), expected);
        await Adjust(small, new { date = "2022-06-01", decision = "keep", reason = "企业承诺年内发展党员", ruleIds = new[] { "standalone-min-3-full-members" } });
        var merged = await Adjust(joint, new { date = "2022-06-01", decision = "merge", reason = "两家企业并入园区企业党支部", intoId = host });
        Assert.Equal((2, 1), (merged["coverageMoved"]!.GetValue<int>(), merged["membersMoved"]!.GetValue<int>()));

        string[] FlagsOf(JsonObject report, Guid id) => report["misfits"]!.AsArray().Where(m => m!["id"]!.GetValue<string>() == id.ToString())
            .SelectMany(m => m!["flags"]!.AsArray().Select(f => f!["ruleId"]!.GetValue<string>())).Order().ToArray();
        var before = await registry.CoverageAsync($"asOf=2022-05-31&county={Registry.CountyB}");
        Assert.Equal(["kind-fits-size", "standalone-min-3-full-members"], FlagsOf(before, small));
        Assert.Equal(["joint-min-3-full-members", "kind-fits-size"], FlagsOf(before, joint));
        var after = await registry.CoverageAsync($"asOf=2022-06-01&county={Registry.CountyB}");
        Assert.Equal(["kind-fits-size"], FlagsOf(after, small));
        Assert.Empty(FlagsOf(after, joint));
        Assert.Equal(host.ToString(), (await fixture.Api.GetAsync($"/api/units/{a}"))["coveredBy"]!.GetValue<string>());
        Assert.Equal(host.ToString(), (await fixture.Api.GetAsync($"/api/members/{member}"))["branchId"]!.GetValue<string>());
        // Coverage counts the same units before and after the merge: only who covers them changed.
        Assert.Equal(before["total"]!["covered"]!.GetValue<int>(), after["total"]!["covered"]!.GetValue<int>());

        await Adjust(small, new { date = "2022-06-01", decision = "keep", reason = "x" }, HttpStatusCode.BadRequest);
        await Adjust(small, new { date = "2022-06-01", decision = "merge", reason = "x" }, HttpStatusCode.BadRequest);
        await Adjust(small, new { date = "2022-06-01", decision = "merge", reason = "x", intoId = small }, HttpStatusCode.BadRequest);
        await Adjust(small, new { date = "2099-06-01", decision = "dissolve", reason = "x" }, HttpStatusCode.BadRequest);
        await Adjust(small, new { date = "2022-06-01", decision = "merge", reason = "x", intoId = joint }, HttpStatusCode.UnprocessableEntity);
        var dissolved = await Adjust(small, new { date = "2023-01-01", decision = "dissolve", reason = "企业注销" });
        Assert.Equal(1, dissolved["coverageMoved"]!.GetValue<int>());
    }

    private async Task MemberAsync(Guid branch, Guid unit, string membership)
    {
        var response = await fixture.Api.Client.PostAsJsonAsync("/api/members", new
        {
            name = "职工党员", gender = "female", ethnicity = "汉族", citizenId = CitizenIds.For(new DateOnly(1985, 5, 5)), branchId = branch, membership, unitId = unit,
        });
        await ApiClient.ExpectAsync(response, HttpStatusCode.Created);
    }
}

public sealed class PostgresOrganizationFitTests(PostgresFixture fixture) : OrganizationFitTests<PostgresFixture>(fixture);

public sealed class SqliteOrganizationFitTests(SqliteFixture fixture) : OrganizationFitTests<SqliteFixture>(fixture);
