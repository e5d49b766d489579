using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MiniExcelLibs;
using PartyWorkflow.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PartyWorkflow.Api.Tests.Units;

/// <summary>
/// The survey import (摸排台账) over HTTP: a generated file of 10,000 rows with planted bad rows,
/// reported by row number while the good rows import; the same file again changes nothing; an
/// updated file updates by credit code; whole-file faults write nothing.
/// </summary>
public sealed class SurveyImportTests(PostgresFixture fixture, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    private static readonly string[] Headers = ["单位名称", "单位类型", "统一社会信用代码", "所在县（市）", "行业", "正式党员数", "有无固定活动场所", "成立日期"];

    [Fact]
    public async Task Ten_thousand_rows_import_with_their_bad_rows_reported_and_a_second_import_changes_nothing()
    {
        var rows = Enumerable.Range(0, 10_000).Select(i => new Dictionary<string, object?>
        {
            ["单位名称"] = $"导入测试企业{i}", ["单位类型"] = i % 3 == 0 ? "社会组织" : "非公有制经济组织", ["统一社会信用代码"] = CreditCodes.Next(),
            ["所在县（市）"] = i % 2 == 0 ? "东山县" : "990102", ["行业"] = "C", ["正式党员数"] = i % 5, ["有无固定活动场所"] = i % 4 == 0 ? "否" : "是",
            ["成立日期"] = new DateTime(2010, 1, 1).AddDays(i % 3000),
        }).ToList();
        // Planted faults; spreadsheet row = index + 2 (the header is row 1).
        rows[10]["统一社会信用代码"] = CreditCodes.WithWrongCheckCharacter();
        rows[200]["单位名称"] = null;
        rows[3000]["单位类型"] = "国有企业";
        rows[4000]["成立日期"] = "去年";
        rows[5000]["统一社会信用代码"] = rows[4999]["统一社会信用代码"];
        rows[9999]["所在县（市）"] = "火星县";
        var file = Xlsx(rows);

        var watch = Stopwatch.StartNew();
        var report = await ImportAsync(file, "摸排台账.xlsx");
        output.WriteLine($"10,000 rows imported in {watch.ElapsedMilliseconds} ms");
        Assert.Equal(10_000, report.GetProperty("rows").GetInt32());
        Assert.Equal(9_994, report.GetProperty("created").GetInt32());
        var errors = report.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(12, "统一社会信用代码"), (202, "单位名称"), (3002, "单位类型"), (4002, "成立日期"), (5002, "统一社会信用代码"), (10001, "所在县（市）")], errors);

        var again = await ImportAsync(file, "摸排台账.xlsx");
        Assert.Equal((0, 0, 9_994), (again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()));

        // An updated file: two units change, found by their credit codes.
        rows[0]["正式党员数"] = 7;
        rows[1]["单位名称"] = "导入测试企业1（更名）";
        var updated = await ImportAsync(Xlsx(rows), "摸排台账.xlsx");
        Assert.Equal((0, 2), (updated.GetProperty("created").GetInt32(), updated.GetProperty("updated").GetInt32()));
        var page = await fixture.Api.GetAsync($"/api/units?name={rows[1]["统一社会信用代码"]}");
        Assert.Equal("导入测试企业1（更名）", page["items"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_dry_run_and_faulty_files_write_nothing()
    {
        var total = async () => (await fixture.Api.GetAsync("/api/units?pageSize=1"))["total"]!.GetValue<int>();
        var before = await total();
        var csv = Encoding.UTF8.GetBytes(string.Join(",", Headers) + "\n" + $"某公司,非公有制经济组织,{CreditCodes.Next()},东山县,C,3,是,2019-05-01\n");
        var dry = await ImportAsync(csv, "survey.csv", dryRun: true);
        Assert.Equal(1, dry.GetProperty("created").GetInt32());
        Assert.Equal(before, await total());

        foreach (var (content, name) in new[]
                 {
                     (Encoding.UTF8.GetBytes("这不是表格"), "notes.docx"),
                     (Encoding.UTF8.GetBytes("单位名称,颜色\n某公司,红\n"), "survey.csv"),
                     (new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5 }, "broken.xlsx"),
                     (Encoding.Latin1.GetBytes("单位名称\u00ff,x\n"), "latin.csv"),
                 })
        {
            using var response = await PostFileAsync(content, name, dryRun: false);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Contains("\"file\"", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(before, await total());

        var template = await fixture.Api.Client.GetAsync("/api/units/import/template");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var headers = new MemoryStream(await template.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().First().Keys;
        Assert.Contains("统一社会信用代码", headers);
    }

    [Fact]
    public async Task A_file_over_the_api_wide_limit_of_1_MiB_is_taken_by_the_import_route()
    {
        var lines = new StringBuilder("单位名称,单位类型,统一社会信用代码,所在县（市）,意见建议\n");
        for (var i = 0; i < 6_000; i++) lines.Append($"大文件企业{i},非公有制经济组织,{CreditCodes.Next()},东山县,{new string('议', 80)}\n");
        var content = Encoding.UTF8.GetBytes(lines.ToString());
        Assert.InRange(content.Length, 1024 * 1024 + 1, PartyWorkflow.Application.Units.Import.SurveyFile.MaxBytes);

        var report = await ImportAsync(content, "big.csv", dryRun: true);
        Assert.Equal(6_000, report.GetProperty("created").GetInt32());
    }

    [Fact]
    public async Task A_county_office_imports_the_rows_of_its_own_county_and_each_other_row_is_reported()
    {
        var county = System.Text.Json.Nodes.JsonNode.Parse(await (await fixture.Api.Client.PostAsync("/api/party-organizations", System.Net.Http.Json.JsonContent.Create(new
        {
            name = "东山县两新工委", kind = "work-committee", countyCode = Registry.CountyA,
        }))).Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        await fixture.Api.Client.PostAsync("/api/users", System.Net.Http.Json.JsonContent.Create(new
        {
            userName = "import-county-a", password = "Import-tests-Password-1", roles = new[] { new { role = "work-committee", scopeOrganizationId = Guid.Parse(county) } },
        }));
        using var office = fixture.Factory.CreateDefaultClient();
        var login = System.Text.Json.Nodes.JsonNode.Parse(await (await office.PostAsync("/api/auth/login", System.Net.Http.Json.JsonContent.Create(new
        {
            userName = "import-county-a", password = "Import-tests-Password-1",
        }))).Content.ReadAsStringAsync())!;
        office.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login["accessToken"]!.GetValue<string>());

        var csv = Encoding.UTF8.GetBytes(string.Join(",", Headers) + "\n"
            + $"东山某公司,非公有制经济组织,{CreditCodes.Next()},东山县,C,3,是,2019-05-01\n"
            + $"西河某公司,非公有制经济组织,{CreditCodes.Next()},西河县,C,3,是,2019-05-01\n");
        var form = new MultipartFormDataContent { { new ByteArrayContent(csv), "file", "survey.csv" } };
        using var response = await office.PostAsync("/api/units/import", form);
        var report = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, report.GetProperty("created").GetInt32());
        var error = Assert.Single(report.GetProperty("errors").EnumerateArray());
        Assert.Equal((3, "所在县（市）"), (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString()));
        Assert.Contains("outside your area", error.GetProperty("message").GetString());
    }

    private static byte[] Xlsx(List<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    private async Task<System.Text.Json.JsonElement> ImportAsync(byte[] content, string name, bool dryRun = false)
    {
        using var response = await PostFileAsync(content, name, dryRun);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();
    }

    private Task<HttpResponseMessage> PostFileAsync(byte[] content, string name, bool dryRun)
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        form.Add(part, "file", name);
        return fixture.Api.Client.PostAsync($"/api/units/import?dryRun={dryRun.ToString().ToLowerInvariant()}", form);
    }
}

/// <summary><c>partyworkflow units import FILE [--dry-run]</c> against a migrated database.</summary>
public sealed class SurveyImportCliTests
{
    [Fact]
    public async Task The_command_imports_reports_bad_rows_and_a_dry_run_writes_nothing()
    {
        var connection = TestDatabases.CreateSqlite();
        Assert.Equal(0, await PartyWorkflow.Cli.CliApp.RunAsync(["db", "migrate", "--connection", connection], TextWriter.Null, TextWriter.Null));
        var file = Path.Combine(Directory.CreateTempSubdirectory("pw-survey-").FullName, "survey.csv");
        await File.WriteAllTextAsync(file, "单位名称,单位类型,统一社会信用代码,所在县（市）\n" +
            $"甲公司,非公有制经济组织,{CreditCodes.Next()},东山县\n乙协会,社会组织,{CreditCodes.Next()},990102\n丙公司,国企,{CreditCodes.Next()},东山县\n");

        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(2, await PartyWorkflow.Cli.CliApp.RunAsync(["units", "import", file, "--dry-run", "--connection", connection], output, error));
        Assert.Contains("dry run, nothing written: 3 rows: 2 created", output.ToString());
        Assert.Contains("row 4, 单位类型", error.ToString());

        output = new StringWriter();
        Assert.Equal(2, await PartyWorkflow.Cli.CliApp.RunAsync(["units", "import", file, "--connection", connection], output, new StringWriter()));
        Assert.Contains("3 rows: 2 created, 0 updated, 0 unchanged, 1 with errors", output.ToString());
        output = new StringWriter();
        await PartyWorkflow.Cli.CliApp.RunAsync(["units", "import", file, "--connection", connection], output, new StringWriter());
        Assert.Contains("3 rows: 0 created, 0 updated, 2 unchanged", output.ToString());
    }
}
