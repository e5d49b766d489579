using System.Diagnostics;
using Npgsql;

namespace PartyWorkflow.LoadDriver.Registry;

/// <summary>
/// The registry's benchmark (issue 9): the import time of a 10,000-row survey (target under 10 s) and
/// the coverage report over 100,000 units against the same counts in raw SQL. Like the load, it
/// runs the Release server over HTTP against a throwaway PostgreSQL 15, which it stops and deletes
/// at the end, on failure and on Ctrl+C. Exits 1 when the report's counts differ from the query's.
/// </summary>
public static class RegistryRun
{
    private const string Database = "partyworkflow";

    public static async Task<int> RunAsync(Options options, string repositoryRoot, DateTime startedUtc, Stopwatch clock, Action<string> progress, CancellationToken ct)
    {
        var reference = ReferenceCodes.Load(repositoryRoot);
        // Recorded because nothing here can stop other work on the machine: the report says how busy it was.
        var loadBefore = LoadAverage();
        progress("starting a throwaway PostgreSQL 15");
        await using var cluster = await Postgres.StartAsync(ct);
        await cluster.CreateDatabaseAsync(Database, ct);
        using var server = await ServerProcess.StartAsync(repositoryRoot, options.Server, cluster.ConnectionString(Database, maxPoolSize: 20), ct);
        progress($"server (pid {server.Pid}) healthy at {server.Address} after {server.ColdStart.TotalMilliseconds:0} ms");
        // The driver's own connections, for the bulk seed and the yardstick query; the server migrated the database on start.
        // Auto-prepared like the server's (its DatabaseProvider sets Max Auto Prepare), so that the yardstick is not handicapped by parsing.
        await using var database = NpgsqlDataSource.Create(cluster.ConnectionString(Database, maxPoolSize: 4) + ";Max Auto Prepare=64");
        using var http = Api.CreateClient(server.Address);
        // A slow import must be measured, not cut off at the driver's usual 60 s.
        http.Timeout = TimeSpan.FromMinutes(10);
        var probes = new Probes(server.Pid, cluster.PostmasterPid);

        progress($"import: {options.ImportRounds} round(s) of {options.ImportRows:N0} rows");
        var imports = await ImportPhase.RunAsync(options, http, database, probes, reference, progress, ct);
        progress($"coverage: {options.CoverageUnits:N0} units");
        var coverage = await CoveragePhase.RunAsync(options, cluster, http, database, probes, reference, progress, ct);

        var report = RegistryReport.Render(options, startedUtc, clock.Elapsed, imports, coverage, (loadBefore, LoadAverage()));
        Console.WriteLine(report);
        var output = options.Out ?? Path.Combine(repositoryRoot, "benchmarks", "results", $"registry-{startedUtc:yyyy-MM-dd}.md");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, report, CancellationToken.None);
        progress($"written to {output}");
        if (coverage.Mismatches.Count == 0) return 0;
        await Console.Error.WriteLineAsync($"FAILED: the coverage report's counts differ from the SQL's:\n  {string.Join("\n  ", coverage.Mismatches)}");
        return 1;
    }

    /// <summary>The 1-minute load average: on 2 cores, above about 0.5 before the run means something else was busy.</summary>
    private static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
}
