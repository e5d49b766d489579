using System.Globalization;
using System.Text.RegularExpressions;

namespace PartyWorkflow.LoadDriver;

/// <summary>One pgbench run: transactions per second (without connection set-up), mean latency, and PostgreSQL's CPU meanwhile.</summary>
public sealed record PgbenchResult(int Clients, double Tps, double LatencyMs, long Transactions, long PostgresTicks)
{
    public double PostgresCpuMsPerTransaction => Transactions == 0 ? double.NaN : ProcStat.TicksToMilliseconds(PostgresTicks) / Transactions;
}

/// <summary>
/// pgbench on the same cluster as the server: the yardstick for what this machine's PostgreSQL does
/// with durable commits. <c>-N</c> (simple update: three statements and a commit per transaction) is
/// the closest of its built-in scripts to one workflow action, which also writes a few rows in one
/// transaction. Connections are kept for the run (never <c>-C</c>), like the server's pool.
/// </summary>
public static partial class Pgbench
{
    private const string Database = "pgbench";

    public static async Task InitAsync(Postgres cluster, int scale, CancellationToken ct)
    {
        await cluster.CreateDatabaseAsync(Database, ct);
        await Commands.RunAsync(Postgres.Tool("pgbench"), ["-i", "-s", scale.ToString(), "-q", .. cluster.ClientArguments, Database], ct);
    }

    /// <summary>
    /// A warm-up run, then the measured one with the CPU probe read around it. The cluster's CPU
    /// includes the backends of the run even though they have exited when it is read: see
    /// <see cref="ProcStat.PostgresCpuTicks"/>.
    /// </summary>
    public static async Task<PgbenchResult> RunAsync(Postgres cluster, int clients, TimeSpan warmUp, TimeSpan window, CancellationToken ct)
    {
        await RunOnceAsync(cluster, clients, warmUp, ct);
        var before = ProcStat.PostgresCpuTicks(cluster.PostmasterPid);
        var output = await RunOnceAsync(cluster, clients, window, ct);
        var after = ProcStat.PostgresCpuTicks(cluster.PostmasterPid);
        return Parse(clients, output, after - before);
    }

    // -P (progress) is left out: pgbench 15 takes 1 second at the least, and the summary is all that is read.
    private static async Task<string> RunOnceAsync(Postgres cluster, int clients, TimeSpan duration, CancellationToken ct) =>
        (await Commands.RunAsync(Postgres.Tool("pgbench"),
        [
            "-N", "-c", clients.ToString(), "-j", Math.Min(2, clients).ToString(),
            "-T", Math.Max(1, (int)Math.Round(duration.TotalSeconds)).ToString(),
            .. cluster.ClientArguments, Database,
        ], ct)).Output;

    public static PgbenchResult Parse(int clients, string output, long postgresTicks)
    {
        // pgbench 15 prints "tps = N (without initial connection time)"; older ones print two lines,
        // "including" and "excluding connections establishing": the one without connecting is taken.
        var tpsLines = TpsLine().Matches(output);
        var tps = tpsLines.FirstOrDefault(m => m.Groups[2].Value.Contains("without") || m.Groups[2].Value.Contains("excluding"))
                  ?? tpsLines.FirstOrDefault()
                  ?? throw new FormatException($"no tps in pgbench's output:\n{output}");
        var latency = LatencyLine().Match(output);
        var transactions = TransactionsLine().Match(output);
        return new PgbenchResult(
            clients,
            double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture),
            latency.Success ? double.Parse(latency.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN,
            transactions.Success ? long.Parse(transactions.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            postgresTicks);
    }

    [GeneratedRegex(@"^tps = ([0-9.]+)\s*(\(.*\))?", RegexOptions.Multiline)]
    private static partial Regex TpsLine();

    [GeneratedRegex(@"^latency average = ([0-9.]+) ms", RegexOptions.Multiline)]
    private static partial Regex LatencyLine();

    [GeneratedRegex(@"^number of transactions actually processed: ([0-9]+)", RegexOptions.Multiline)]
    private static partial Regex TransactionsLine();
}
