using System.Globalization;
using System.Text;

namespace PartyWorkflow.LoadDriver.Registry;

/// <summary>The Markdown report of the registry's benchmark: the import rounds, the report against SQL, the counts, and how.</summary>
public static class RegistryReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly TimeSpan ImportTarget = TimeSpan.FromSeconds(10);

    public static string Render(Options options, DateTime startedUtc, TimeSpan took, IReadOnlyList<ImportRound> imports, CoverageResult coverage,
        (double Before, double After) loadAverage)
    {
        var text = new StringBuilder();
        text.AppendLine("# Registry: survey import and coverage report");
        text.AppendLine();
        text.AppendLine($"{startedUtc:yyyy-MM-dd HH:mm} UTC, {(options.Quick ? "`--quick`" : "full run")}: {options.ImportRounds} import round(s), " +
                        $"{options.CoverageCalls} report calls; took {took.TotalMinutes.ToString("0.0", Invariant)} min. {Report.Machine()}. " +
                        $"1-minute load average {loadAverage.Before.ToString("0.00", Invariant)} before, {loadAverage.After.ToString("0.00", Invariant)} after " +
                        "(the second counts the run's own work).");
        text.AppendLine();
        AppendImports(text, options, imports);
        AppendCoverage(text, coverage);
        AppendStatements(text, coverage);
        AppendHow(text, options, coverage);
        return text.ToString();
    }

    private static void AppendImports(StringBuilder text, Options options, IReadOnlyList<ImportRound> imports)
    {
        var kib = imports[0].FileBytes / 1024.0;
        text.AppendLine($"## Import of a {Count(options.ImportRows)}-row survey (`POST /api/units/import`, an .xlsx of {kib.ToString("N0", Invariant)} KiB)");
        text.AppendLine();
        text.AppendLine($"Median over {imports.Count} round(s); the target is the issue's, under {ImportTarget.TotalSeconds:0} s.");
        text.AppendLine();
        text.AppendLine("| upload | median | every round | server CPU | PostgreSQL CPU | rows/s | target |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        AppendImportRow(text, $"first ({Count(options.ImportRows)} created)", imports.Select(r => r.First).ToList(), options.ImportRows, target: true);
        AppendImportRow(text, $"second, the same file ({Count(options.ImportRows)} unchanged)", imports.Select(r => r.Second).ToList(), options.ImportRows, target: false);
        text.AppendLine();
        text.AppendLine("| round | first: time / server CPU / PostgreSQL CPU | second: time / server CPU / PostgreSQL CPU |");
        text.AppendLine("|---:|---:|---:|");
        static string Cells(ImportTiming t) => $"{Seconds(t.Elapsed.TotalSeconds)} / {Seconds(t.ServerCpuMs / 1000)} / {Seconds(t.PostgresCpuMs / 1000)} s";
        foreach (var round in imports)
            text.AppendLine(Row(round.Round.ToString(Invariant), Cells(round.First), Cells(round.Second)));
        text.AppendLine();
    }

    private static void AppendImportRow(StringBuilder text, string label, IReadOnlyList<ImportTiming> timings, int rows, bool target)
    {
        var median = Stats.Median(timings.Select(t => t.Elapsed.TotalSeconds));
        var verdict = target ? (median < ImportTarget.TotalSeconds ? "< 10 s: met" : "< 10 s: missed") : "";
        text.AppendLine(Row(label, $"{Seconds(median)} s", string.Join(" / ", timings.Select(t => Seconds(t.Elapsed.TotalSeconds))) + " s",
            $"{Seconds(Stats.Median(timings.Select(t => t.ServerCpuMs / 1000)))} s", $"{Seconds(Stats.Median(timings.Select(t => t.PostgresCpuMs / 1000)))} s",
            (rows / median).ToString("N0", Invariant), verdict));
    }

    private static void AppendCoverage(StringBuilder text, CoverageResult coverage)
    {
        var asOf = Dates.Format(coverage.AsOf);
        text.AppendLine($"## Coverage report over {Count(coverage.Seed.Units)} units, as of {asOf}");
        text.AppendLine();
        text.AppendLine($"{coverage.Report.Ms.Count} calls of each, one at a time, after warm-up calls.");
        text.AppendLine();
        text.AppendLine("| | median | p95 | min / max | server CPU per call | PostgreSQL CPU per call |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        AppendCallsRow(text, $"`GET /api/reports/coverage?asOf={asOf}` ({(coverage.ReportBytes / 1024.0).ToString("N1", Invariant)} KiB of JSON)", coverage.Report);
        AppendCallsRow(text, "the same counts, one hand-written SQL query via Npgsql", coverage.Sql);
        text.AppendLine();
        text.AppendLine($"The report takes {coverage.Ratio.ToString("0.0", Invariant)} times the query's time (medians).");
        text.AppendLine();
        text.AppendLine(coverage.Mismatches.Count == 0
            ? "The counts are the same in every answer of both:"
            : $"**The counts differ** ({coverage.Mismatches.Count}): {string.Join("; ", coverage.Mismatches)}. The query's:");
        text.AppendLine();
        text.AppendLine("| county | type | units in operation | covered | standalone | work-covered |");
        text.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var line in coverage.SqlLines)
            text.AppendLine(Row(line.County, line.Type, Count(line.Units), Count(line.Covered), Count(line.Standalone), Count(line.WorkCovered)));
        int units = coverage.SqlLines.Sum(l => l.Units), covered = coverage.SqlLines.Sum(l => l.Covered),
            standalone = coverage.SqlLines.Sum(l => l.Standalone), work = coverage.SqlLines.Sum(l => l.WorkCovered);
        text.AppendLine(Row("**total**", "", Count(units), $"{Count(covered)} ({Percent(covered, units)})", $"{Count(standalone)} ({Percent(standalone, units)})",
            $"{Count(work)} ({Percent(work, units)})"));
        text.AppendLine();
    }

    private static void AppendStatements(StringBuilder text, CoverageResult coverage)
    {
        const int SqlShown = 110;
        const double ShownFromMs = 5;
        text.AppendLine("## Inside PostgreSQL, one call of each");
        text.AppendLine();
        text.AppendLine("Every statement's execution as PostgreSQL logged it (`log_min_duration_statement = 0` for that one call): " +
                        "the network, Npgsql, EF Core and JSON are not in it. The rest of the server's statements meanwhile " +
                        "(Quartz's cluster check, transaction control) are summed in one line.");
        text.AppendLine();
        text.AppendLine("| call | statement (its start) | ms |");
        text.AppendLine("|---|---|---:|");
        foreach (var (call, statements) in new[] { ("report", coverage.ReportStatements), ("SQL", coverage.SqlStatements) })
        {
            foreach (var statement in statements.Where(s => s.Ms >= ShownFromMs))
            {
                var sql = statement.Sql.Length > SqlShown ? statement.Sql[..SqlShown] + "…" : statement.Sql;
                text.AppendLine(Row(call, $"`{sql.Replace("|", "\\|").Replace("`", "'")}`", Ms(statement.Ms)));
            }
            var small = statements.Where(s => s.Ms < ShownFromMs).ToList();
            if (small.Count > 0) text.AppendLine(Row(call, $"{small.Count} other statement(s), each under {ShownFromMs:0} ms", Ms(small.Sum(s => s.Ms))));
            text.AppendLine(Row($"**{call}, all**", "", $"**{Ms(statements.Sum(s => s.Ms))}**"));
        }
        text.AppendLine();
    }

    private static void AppendCallsRow(StringBuilder text, string label, Calls calls) =>
        text.AppendLine(Row(label, $"{Ms(calls.Median)} ms", $"{Ms(calls.P95)} ms", $"{Ms(calls.Min)} / {Ms(calls.Max)} ms",
            $"{Ms(calls.ServerCpuMsPerCall)} ms", $"{Ms(calls.PostgresCpuMsPerCall)} ms"));

    private static void AppendHow(StringBuilder text, Options options, CoverageResult coverage)
    {
        var seed = coverage.Seed;
        text.AppendLine("## How");
        text.AppendLine();
        text.AppendLine($"- Server: {(options.Server is null ? "this repository's Release build" : $"`{options.Server}`")}, Production, `Maximum Pool Size=20`, " +
                        "against a throwaway PostgreSQL 15 (fsync and synchronous_commit on) on the same machine, which the driver shares too.");
        text.AppendLine($"- Import: each round writes a new .xlsx with MiniExcel (all 15 template columns, Chinese headers, its own valid credit codes, " +
                        "counties by name and by code in turn), checkpoints, and uploads the file twice as `multipart/form-data`, into the registry " +
                        $"the earlier rounds filled (round r finds 200 + (r − 1) × {Count(options.ImportRows)} units). " +
                        "Time is from sending to the whole answer; CPU is utime+stime from /proc of the server, and of the postmaster with its children. " +
                        "A 200-row import before round 1 is not measured. The run stops if a count is not the expected one.");
        text.AppendLine($"- Coverage seed: {Count(seed.Units)} units, {Count(seed.CoverageRows)} coverage rows and {Count(seed.Assignments)} assignments by `INSERT … SELECT` " +
                        $"over `generate_series` in one transaction, then `VACUUM (ANALYZE)`: {seed.Took.TotalSeconds.ToString("0.0", Invariant)} s. " +
                        $"Their {coverage.Organizations} organizations (a branch per county) and {coverage.People} instructors were made over HTTP. " +
                        "The mix (see `Registry/CoverageSeed.cs`): 4 counties, 60% enterprises, some founded after the date or closed before it, " +
                        "45% with a covering row (some starting after the date), earlier ended coverage, functional-only and ended coverage, 10% with assignments.");
        text.AppendLine($"- Coverage calls: {options.CoverageWarmUpCalls} unmeasured, then {options.CoverageCalls} measured, of the report over HTTP and then of the query " +
                        "(the driver's own Npgsql pool, prepared after 5 uses with `Max Auto Prepare=64` as the server's statements are). Time includes reading the whole answer; parsing and comparing are after the clock stops. " +
                        "The report's `lines` (per county and type) are compared with the query's after every call.");
    }

    private static string Row(params string[] cells) => "| " + string.Join(" | ", cells) + " |";
    private static string Seconds(double value) => value.ToString("0.00", Invariant);
    private static string Ms(double value) => value.ToString(value < 100 ? "0.0" : "0", Invariant);
    private static string Count(long value) => value.ToString("N0", Invariant);
    private static string Percent(int part, int whole) => whole == 0 ? "–" : (100.0 * part / whole).ToString("0.00", Invariant) + "%";
}
