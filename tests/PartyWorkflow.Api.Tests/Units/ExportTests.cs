using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MiniExcelLibs;
using PartyWorkflow.Api.Tests.Infrastructure;

namespace PartyWorkflow.Api.Tests.Units;

/// <summary>
/// The .xlsx exports of units, organizations and the coverage report: what a work committee opens in
/// Excel. An export of units imports again unchanged; the report's workbook holds the JSON's figures.
/// </summary>
public sealed class ExportTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private const string County = "990103";

    [Fact]
    public async Task Units_export_with_the_template_columns_and_import_again_unchanged()
    {
        var registry = new Registry(fixture.Api);
        var covered = await registry.UnitAsync("non-public-enterprise", County, name: "导出测试甲公司", fullMembers: 4);
        await registry.UnitAsync("social-organization", County, name: "导出测试乙协会");
        var organization = await registry.OrganizationAsync("standalone", "2021-01-01", County, covered);

        var workbook = await DownloadAsync($"/api/units/export?county={County}");
        var template = await DownloadAsync("/api/units/import/template");
        Assert.Equal(Headers(template, "摸排台账"), Headers(workbook, "摸排台账"));
        // In the database's order of names: 乙 (U+4E59) before 甲 (U+7532).
        var units = Rows(workbook, "摸排台账");
        Assert.Equal(["导出测试乙协会", "导出测试甲公司"], units.Select(r => (string)r["单位名称"]!));
        units.Reverse();
        Assert.Equal("南湖市", units[0]["所在县（市）"]);
        Assert.Equal(("是", 4d), (units[0]["有无固定活动场所"], units[0]["正式党员数"]));
        var coverage = Rows(workbook, "覆盖情况");
        coverage.Reverse();
        Assert.Equal("单独组建", coverage[0]["组建方式"]);
        Assert.Null(coverage[1]["覆盖党组织"]);

        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(workbook);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        form.Add(part, "file", "单位名册.xlsx");
        var again = await ApiClient.ExpectAsync(await fixture.Api.Client.PostAsync("/api/units/import", form), HttpStatusCode.OK);
        Assert.Equal((2, 0, 0, 2), (again["rows"]!.GetValue<int>(), again["created"]!.GetValue<int>(), again["updated"]!.GetValue<int>(), again["unchanged"]!.GetValue<int>()));

        // Organizations: the current term's secretary and the units covered today.
        var secretary = await fixture.Api.CreateMemberAsync(organization, name: "王书记");
        await ApiClient.ExpectAsync(await fixture.Api.Client.PostAsJsonAsync($"/api/party-organizations/{organization}/terms",
            new { electedOn = "2021-01-10", secretaryId = secretary }), HttpStatusCode.Created);
        var organizations = Rows(await DownloadAsync($"/api/party-organizations/export?county={County}"), "党组织");
        var row = Assert.Single(organizations);
        Assert.Equal(("党支部", "单独组建", "王书记", "2024-01-10", "导出测试甲公司"),
            (row["类别"], row["组建方式"], row["书记"], row["本届届满日期"], row["覆盖单位"]));

        // The report: the same figures as the JSON, and its definitions.
        var json = await registry.CoverageAsync($"asOf=2022-01-01&county={County}");
        var report = await DownloadAsync($"/api/reports/coverage/export?asOf=2022-01-01&county={County}");
        var total = Rows(report, "汇总")[0];
        Assert.Equal((2d, 1d, 50d), (total["在营单位数"], total["党组织覆盖单位数"], total["党组织覆盖率(%)"]));
        Assert.Equal(50m, json["total"]!["organizationCoverage"]!.GetValue<decimal>());
        Assert.Equal("导出测试乙协会", Rows(report, "未覆盖单位").Single()["单位名称"]);
        Assert.Contains(Rows(report, "口径说明"), d => (string?)d["指标"] == "workCoverage");
        Assert.DoesNotContain("月度", MiniExcel.GetSheetNames(new MemoryStream(report)));
    }

    [Fact]
    public async Task Bad_export_filters_are_refused_by_field()
    {
        foreach (var (url, field) in new[] { ("/api/units/export?type=国企", "type"), ("/api/party-organizations/export?kind=club", "kind"),
                     ("/api/reports/coverage/export?from=2022-01-01", "to"), ("/api/party-organizations/export?county=123456", "county") })
        {
            using var response = await fixture.Api.Client.GetAsync(url);
            var problem = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{url}: {response.StatusCode} {problem}");
            Assert.Contains(field, problem);
        }
    }

    private async Task<byte[]> DownloadAsync(string url)
    {
        using var response = await fixture.Api.Client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static List<string> Headers(byte[] workbook, string sheet) =>
        ((IDictionary<string, object?>)new MemoryStream(workbook).Query(useHeaderRow: false, sheetName: sheet).First()).Values.Select(v => v?.ToString() ?? "").ToList();

    private static List<IDictionary<string, object?>> Rows(byte[] workbook, string sheet) =>
        new MemoryStream(workbook).Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
}
