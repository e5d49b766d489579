using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PartyWorkflow.Api.Tests.Infrastructure;

namespace PartyWorkflow.Api.Tests.Units;

/// <summary>
/// A registry of 100 enterprises and 50 social organizations in two counties with known coverage,
/// then changed on 2023-03-01 (an organization registered, one dissolved, a unit closed, an
/// instructor assigned): the report's percentages to two decimals, by county and type, as of a date
/// before, between and after the changes. Every figure below was counted by hand from the set-up.
/// The test has a database of its own: nothing else adds units to its counties.
/// </summary>
public abstract class CoverageReportTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : ApiFixture
{
    private const string Enterprise = "non-public-enterprise";
    private const string Social = "social-organization";

    [Fact]
    public async Task The_report_counts_coverage_by_county_and_type_as_of_any_date()
    {
        var registry = new Registry(fixture.Api);
        // County A: 60 enterprises, 30 social organizations; county B: 40 enterprises (the last founded
        // only in 2024), 20 social organizations.
        var enterprisesA = await registry.UnitsAsync(60, Enterprise, Registry.CountyA);
        var enterprisesB = await registry.UnitsAsync(39, Enterprise, Registry.CountyB);
        enterprisesB.Add(await registry.UnitAsync(Enterprise, Registry.CountyB, founded: "2024-01-01"));
        var socialA = await registry.UnitsAsync(30, Social, Registry.CountyA);
        var socialB = await registry.UnitsAsync(20, Social, Registry.CountyB);

        // On record from 2021: county A has 10 standalone branches, one joint branch of 4 units and one
        // unit affiliated to a host; county B 5 standalone branches; social organizations: 6 standalone
        // in A, a joint branch of 3 in B.
        var standaloneA = new List<Guid>();
        for (var i = 0; i < 10; i++) standaloneA.Add(await registry.OrganizationAsync("standalone", "2021-01-01", Registry.CountyA, enterprisesA[i]));
        await registry.OrganizationAsync("joint", "2021-01-01", Registry.CountyA, enterprisesA[10..14].ToArray());
        var host = await registry.OrganizationAsync("standalone", "2021-01-01", Registry.CountyA);
        await registry.ExpectCoverAsync(host, "2021-06-01", "affiliated", enterprisesA[14]);
        for (var i = 0; i < 5; i++) await registry.OrganizationAsync("standalone", "2021-01-01", Registry.CountyB, enterprisesB[i]);
        for (var i = 0; i < 6; i++) await registry.OrganizationAsync("standalone", "2021-01-01", Registry.CountyA, socialA[i]);
        await registry.OrganizationAsync("joint", "2021-01-01", Registry.CountyB, socialB[0], socialB[1], socialB[2]);

        // The changes of 2023-03-01.
        var registered = await registry.OrganizationAsync("standalone", "2023-03-01", Registry.CountyB, enterprisesB[5]);
        var dissolved = await fixture.Api.Client.PostAsJsonAsync($"/api/party-organizations/{standaloneA[0]}/dissolve", new { date = "2023-03-01", reason = "企业党员不足3名" });
        Assert.Equal(1, (await ApiClient.ExpectAsync(dissolved, HttpStatusCode.OK))["coverageEnded"]!.GetValue<int>());
        await ApiClient.ExpectAsync(await fixture.Api.Client.PatchAsJsonAsync($"/api/units/{enterprisesA[20]}", new { closedOn = "2023-03-01" }), HttpStatusCode.OK);
        var instructor = await fixture.Api.CreateMemberAsync(await fixture.Api.CreateOrganizationAsync("branch"), name: "指导员");
        foreach (var (unit, to) in new[] { (socialB[10], (string?)null), (socialB[11], "2024-03-01") })
            Assert.Equal(HttpStatusCode.Created, (await fixture.Api.Client.PostAsJsonAsync($"/api/units/{unit}/assignments",
                new { personId = instructor, role = "instructor", from = "2023-03-01", to })).StatusCode);

        // Before the changes (and reproducible after them).
        var before = await registry.CoverageAsync("asOf=2022-01-01");
        Expect(before, Registry.CountyA, Enterprise, units: 60, covered: 15, standalone: 10, work: 15, "25.00", "16.67", "25.00");
        Expect(before, Registry.CountyB, Enterprise, units: 39, covered: 5, standalone: 5, work: 5, "12.82", "12.82", "12.82");
        Expect(before, Registry.CountyA, Social, units: 30, covered: 6, standalone: 6, work: 6, "20.00", "20.00", "20.00");
        Expect(before, Registry.CountyB, Social, units: 20, covered: 3, standalone: 0, work: 3, "15.00", "0.00", "15.00");
        ExpectType(before, Enterprise, "20.20", "15.15", "20.20");
        ExpectType(before, Social, "18.00", "12.00", "18.00");
        ExpectFigures(before["total"]!, 149, 29, 21, 29, "19.46", "14.09", "19.46");

        // Between: one unit fewer in A (closed), one covered fewer (dissolved), one more in B; two instructors' units.
        var between = await registry.CoverageAsync("asOf=2023-06-30");
        Expect(between, Registry.CountyA, Enterprise, units: 59, covered: 14, standalone: 9, work: 14, "23.73", "15.25", "23.73");
        Expect(between, Registry.CountyB, Enterprise, units: 39, covered: 6, standalone: 6, work: 6, "15.38", "15.38", "15.38");
        Expect(between, Registry.CountyB, Social, units: 20, covered: 3, standalone: 0, work: 5, "15.00", "0.00", "25.00");
        ExpectType(between, Enterprise, "20.41", "15.31", "20.41");
        ExpectType(between, Social, "18.00", "12.00", "22.00");
        ExpectFigures(between["total"]!, 148, 29, 21, 31, "19.59", "14.19", "20.95");

        // After: the unit founded in 2024 counts, one instructor's assignment has ended.
        var after = await registry.CoverageAsync("asOf=2024-06-30");
        Expect(after, Registry.CountyB, Enterprise, units: 40, covered: 6, standalone: 6, work: 6, "15.00", "15.00", "15.00");
        Expect(after, Registry.CountyB, Social, units: 20, covered: 3, standalone: 0, work: 4, "15.00", "0.00", "20.00");
        ExpectFigures(after["total"]!, 149, 29, 21, 30, "19.46", "14.09", "20.13");

        // One county, one type; a monthly series with the organizations set up in the period.
        var countyB = await registry.CoverageAsync($"asOf=2023-06-30&county={Registry.CountyB}&type={Enterprise}");
        ExpectFigures(countyB["total"]!, 39, 6, 6, 6, "15.38", "15.38", "15.38");
        Assert.Single(countyB["byCounty"]!.AsArray());
        var series = await registry.CoverageAsync("from=2022-01-01&to=2024-06-30");
        var points = series["series"]!.AsArray();
        Assert.Equal(30, points.Count);
        Assert.Equal("2022-01-31", points[0]!["asOf"]!.GetValue<string>());
        Assert.Equal("2024-06-30", points[^1]!["asOf"]!.GetValue<string>());
        Assert.Equal("19.46", Percent(points.Single(p => p!["asOf"]!.GetValue<string>() == "2023-02-28")!["total"]!["organizationCoverage"]));
        Assert.Equal("19.59", Percent(points.Single(p => p!["asOf"]!.GetValue<string>() == "2023-03-31")!["total"]!["organizationCoverage"]));
        Assert.Equal([registered.ToString()], series["established"]!.AsArray().Select(o => o!["id"]!.GetValue<string>()));
        Assert.Contains("÷", series["definitions"]!["workCoverage"]!["zh"]!.GetValue<string>());
    }

    private static void Expect(JsonObject report, string county, string type, int units, int covered, int standalone, int work,
        string organizationCoverage, string standaloneShare, string workCoverage)
    {
        var line = report["lines"]!.AsArray().Single(l => l!["countyCode"]!.GetValue<string>() == county && l["type"]!.GetValue<string>() == type)!;
        ExpectFigures(line, units, covered, standalone, work, organizationCoverage, standaloneShare, workCoverage);
    }

    private static void ExpectType(JsonObject report, string type, string organizationCoverage, string standaloneShare, string workCoverage)
    {
        var line = report["byType"]!.AsArray().Single(l => l!["key"]!.GetValue<string>() == type)!;
        Assert.Equal((organizationCoverage, standaloneShare, workCoverage),
            (Percent(line["organizationCoverage"]), Percent(line["standaloneShare"]), Percent(line["workCoverage"])));
    }

    private static void ExpectFigures(JsonNode line, int units, int covered, int standalone, int work, string organizationCoverage, string standaloneShare, string workCoverage)
    {
        Assert.Equal((units, covered, standalone, work), (line["units"]!.GetValue<int>(), line["covered"]!.GetValue<int>(), line["standalone"]!.GetValue<int>(), line["workCovered"]!.GetValue<int>()));
        Assert.Equal((organizationCoverage, standaloneShare, workCoverage),
            (Percent(line["organizationCoverage"]), Percent(line["standaloneShare"]), Percent(line["workCoverage"])));
    }

    private static string Percent(JsonNode? value) => value!.GetValue<decimal>().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class PostgresCoverageReportTests(PostgresFixture fixture) : CoverageReportTests<PostgresFixture>(fixture);

public sealed class SqliteCoverageReportTests(SqliteFixture fixture) : CoverageReportTests<SqliteFixture>(fixture);
