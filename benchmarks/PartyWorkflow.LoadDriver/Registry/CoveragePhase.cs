using System.Diagnostics;
using System.Net;
using Npgsql;

namespace PartyWorkflow.LoadDriver.Registry;

/// <summary>Calls of one kind: their latencies in call order, and the CPU of the server and of PostgreSQL per call.</summary>
public sealed record Calls(IReadOnlyList<double> Ms, double ServerCpuMsPerCall, double PostgresCpuMsPerCall)
{
    private IReadOnlyList<double> Sorted => Ms.Order().ToList();
    public double Median => Stats.Median(Ms);
    public double P95 => Stats.Percentile(Sorted, 95);
    public double Min => Sorted[0];
    public double Max => Sorted[^1];
}

public sealed record CoverageResult(DateOnly AsOf, SeedResult Seed, int Organizations, int People, int ReportBytes,
    Calls Report, Calls Sql, IReadOnlyList<CoverageLine> SqlLines, IReadOnlyList<string> Mismatches,
    IReadOnlyList<LoggedStatement> ReportStatements, IReadOnlyList<LoggedStatement> SqlStatements)
{
    public double Ratio => Report.Median / Sql.Median;
}

/// <summary>
/// The coverage report over 100,000 units against the same counts in one hand-written query. The
/// organizations and instructors the rows point to are made over HTTP, the units in bulk
/// (<see cref="CoverageSeed"/>). Then, for each kind, a few unmeasured calls and the measured ones,
/// one at a time (a report is asked for by one person, not by a crowd). Every answer of both is
/// compared with the query's first: a difference is listed and fails the run. Last, one more call
/// of each with PostgreSQL logging every statement's duration, to show where the report's time goes.
/// </summary>
public static class CoveragePhase
{
    private const int InstructorsPerCounty = 10;

    public static async Task<CoverageResult> RunAsync(Options options, Postgres cluster, HttpClient http, NpgsqlDataSource database, Probes probes,
        ReferenceCodes reference, Action<string> progress, CancellationToken ct)
    {
        // The last import round's units go first, while they are all the database holds (see RegistryTables).
        await RegistryTables.EmptyAsync(database, ct);
        var api = new Api(http);
        var committee = await api.CreateOrganizationAsync("两新组织综合党委", "party-committee", null, approvalAuthority: true, ct);
        var organizations = new List<Guid>();
        var people = new List<Guid>();
        foreach (var county in reference.Counties)
        {
            var branch = await api.CreateOrganizationAsync($"{county.Zh}两新组织联合党支部", "branch", committee, approvalAuthority: false, ct);
            organizations.Add(branch);
            for (var i = 0; i < InstructorsPerCounty; i++) people.Add(await api.CreateMemberAsync(branch, $"{county.Zh}党建指导员{i + 1}", ct));
        }

        var counties = reference.Counties.Select(c => c.Code).ToList();
        var seed = await CoverageSeed.SeedAsync(database, options.CoverageUnits, counties, organizations, people, ct);
        progress($"seeded {seed.Units:N0} units, {seed.CoverageRows:N0} coverage rows and {seed.Assignments:N0} assignments in {seed.Took.TotalSeconds:0.0} s");

        var asOf = CoverageSeed.AsOf;
        var expected = await CoverageCounting.QueryAsync(database, asOf, ct);
        var mismatches = new List<string>();
        var reportBytes = 0;
        var report = await MeasureAsync(options, probes, async () =>
        {
            var body = await GetReportAsync(http, asOf, ct);
            return () =>
            {
                reportBytes = body.Length;
                Compare("the report", CoverageCounting.FromReport(body), expected, mismatches);
            };
        });
        progress($"GET /api/reports/coverage: median {report.Median:0.0} ms, p95 {report.P95:0.0} ms over {report.Ms.Count} calls");
        var sql = await MeasureAsync(options, probes, async () =>
        {
            var lines = await CoverageCounting.QueryAsync(database, asOf, ct);
            return () => Compare("the query", lines, expected, mismatches);
        });
        progress($"the same counts in SQL: median {sql.Median:0.0} ms, p95 {sql.P95:0.0} ms over {sql.Ms.Count} calls");
        var reportStatements = await StatementLog.AroundAsync(cluster, database, () => GetReportAsync(http, asOf, ct), ct);
        var sqlStatements = await StatementLog.AroundAsync(cluster, database, () => CoverageCounting.QueryAsync(database, asOf, ct), ct);
        return new CoverageResult(asOf, seed, organizations.Count, people.Count, reportBytes, report, sql, expected, mismatches.Distinct().ToList(),
            reportStatements, sqlStatements);
    }

    /// <summary>
    /// Warm-up calls, then the measured ones, with the CPU read around the measured ones. A call
    /// returns its check, run after its clock stops so that parsing and comparing are not timed.
    /// </summary>
    private static async Task<Calls> MeasureAsync(Options options, Probes probes, Func<Task<Action>> call)
    {
        for (var i = 0; i < options.CoverageWarmUpCalls; i++) (await call())();
        var ms = new List<double>();
        var checks = new List<Action>();
        var before = probes.Cpu();
        for (var i = 0; i < options.CoverageCalls; i++)
        {
            var clock = Stopwatch.StartNew();
            checks.Add(await call());
            ms.Add(clock.Elapsed.TotalMilliseconds);
        }
        var cpu = probes.Cpu() - before;
        foreach (var check in checks) check();
        return new Calls(ms, ProcStat.TicksToMilliseconds(cpu.ServerTicks) / ms.Count, ProcStat.TicksToMilliseconds(cpu.PostgresTicks) / ms.Count);
    }

    private static async Task<byte[]> GetReportAsync(HttpClient http, DateOnly asOf, CancellationToken ct)
    {
        using var response = await http.GetAsync($"/api/reports/coverage?asOf={Dates.Format(asOf)}", ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"the coverage report was answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        return body;
    }

    private static void Compare(string what, IReadOnlyList<CoverageLine> actual, IReadOnlyList<CoverageLine> expected, List<string> mismatches)
    {
        if (CoverageCounting.Same(actual, expected)) return;
        foreach (var line in actual.Except(expected)) mismatches.Add($"{what} has {line}");
        foreach (var line in expected.Except(actual)) mismatches.Add($"the first SQL answer has {line}");
    }
}
