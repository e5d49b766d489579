using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace PartyWorkflow.LoadDriver;

public sealed record ColdStarts(TimeSpan Postgres, TimeSpan Sqlite);

/// <summary>The Markdown report: medians per client count, every round, memory, cold start, and how it was measured.</summary>
public static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(Options options, DateTime startedUtc, TimeSpan took, IReadOnlyList<RoundResult> rounds, MemoryResult memory,
        ColdStarts coldStarts, int seeded, long rssAfterSeedingKiB, WarmUp? warmUp)
    {
        var text = new StringBuilder();
        text.AppendLine("# Load: the server over HTTP against pgbench");
        text.AppendLine();
        text.AppendLine($"{startedUtc:yyyy-MM-dd HH:mm} UTC, {(options.Quick ? "`--quick`" : "full run")}: {options.Rounds} round(s) at each client count, " +
                        $"{options.Window.TotalSeconds:0} s windows after {options.WarmUp.TotalSeconds:0} s of warm-up; took {took.TotalMinutes:0.0} min. " +
                        $"{Machine()}.");
        text.AppendLine();
        text.AppendLine($"## Throughput, latency and CPU (median over {options.Rounds} round(s))");
        text.AppendLine();
        text.AppendLine("| clients | pgbench tps | actions/s | actions ÷ pgbench | applications/s | applications ÷ pgbench | actions p50 / p99 ms | applications p50 / p99 ms | server CPU ms/action | PostgreSQL CPU ms/action | PostgreSQL CPU ms/pgbench tx | server CPU ms/application | PostgreSQL CPU ms/application | non-2xx actions / applications | server RSS MiB |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in rounds.GroupBy(r => r.Clients))
        {
            double M(Func<RoundResult, double> value) => Stats.Median(group.Select(value));
            text.AppendLine(Row(
                group.Key.ToString(Invariant),
                Rate(M(r => r.Pgbench.Tps)),
                Rate(M(r => r.Actions.PerSecond)),
                Ratio(M(r => r.Actions.PerSecond / r.Pgbench.Tps)),
                Rate(M(r => r.Applications.PerSecond)),
                Ratio(M(r => r.Applications.PerSecond / r.Pgbench.Tps)),
                $"{Ms(M(r => r.Actions.P50Ms))} / {Ms(M(r => r.Actions.P99Ms))}",
                $"{Ms(M(r => r.Applications.P50Ms))} / {Ms(M(r => r.Applications.P99Ms))}",
                Cpu(M(r => r.Actions.ServerCpuMsPerSuccess)),
                Cpu(M(r => r.Actions.PostgresCpuMsPerSuccess)),
                Cpu(M(r => r.Pgbench.PostgresCpuMsPerTransaction)),
                Cpu(M(r => r.Applications.ServerCpuMsPerSuccess)),
                Cpu(M(r => r.Applications.PostgresCpuMsPerSuccess)),
                $"{group.Sum(r => r.Actions.FailureCount)} / {group.Sum(r => r.Applications.FailureCount)}",
                Mib(M(r => r.Applications.ServerRssKiB))));
        }
        var failures = rounds.SelectMany(r => r.Actions.Failures.Select(f => ("actions", f)).Concat(r.Applications.Failures.Select(f => ("applications", f))))
            .GroupBy(x => (x.Item1, x.f.Key)).Select(g => $"{g.Key.Item1} {g.Key.Key}: {g.Sum(x => x.f.Value)}").ToList();
        text.AppendLine();
        text.AppendLine(failures.Count == 0
            ? "Every request in the windows was answered 200 (actions) or 201 (applications)."
            : $"Failures in the windows (summed over rounds): {string.Join("; ", failures)}.");
        text.AppendLine();

        text.AppendLine("## Every round");
        text.AppendLine();
        text.AppendLine("| round | clients | pgbench tps | pgbench latency ms | actions/s | actions p50 / p99 ms | server / PostgreSQL CPU ms/action | applications/s | applications p50 / p99 ms | server / PostgreSQL CPU ms/application | server RSS MiB after actions / applications |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rounds)
            text.AppendLine(Row(r.Round.ToString(Invariant), r.Clients.ToString(Invariant), Rate(r.Pgbench.Tps), Ms(r.Pgbench.LatencyMs),
                Rate(r.Actions.PerSecond), $"{Ms(r.Actions.P50Ms)} / {Ms(r.Actions.P99Ms)}",
                $"{Cpu(r.Actions.ServerCpuMsPerSuccess)} / {Cpu(r.Actions.PostgresCpuMsPerSuccess)}",
                Rate(r.Applications.PerSecond), $"{Ms(r.Applications.P50Ms)} / {Ms(r.Applications.P99Ms)}",
                $"{Cpu(r.Applications.ServerCpuMsPerSuccess)} / {Cpu(r.Applications.PostgresCpuMsPerSuccess)}",
                $"{Mib(r.Actions.ServerRssKiB)} / {Mib(r.Applications.ServerRssKiB)}"));
        text.AppendLine();

        text.AppendLine("## Memory (same server process, 16 clients of repeatable records)");
        text.AppendLine();
        text.AppendLine($"- server RSS after seeding, before the first action: {Mib(rssAfterSeedingKiB)} MiB");
        // The mark counts since the server started; a fast server passes it within the rounds already.
        var passedInRounds = memory.First.Actions > memory.First.Target + 2L * options.MemoryClients
            ? $"; the rounds had already passed the mark, so this is read as the phase began" : "";
        text.AppendLine($"- server RSS after {Count(memory.First.Actions)} actions since start (mark {Count(memory.First.Target)}{passedInRounds}): {Mib(memory.First.RssKiB)} MiB");
        text.AppendLine($"- server RSS after {Count(memory.Second.Actions)} actions since start (mark {Count(memory.Second.Target)}): {Mib(memory.Second.RssKiB)} MiB");
        text.AppendLine($"- ratio of the two: {memory.Ratio.ToString("0.00", Invariant)} ({memory.ActionsPerSecond.ToString("0", Invariant)} actions/s in this phase" +
                        (memory.Failures.Count == 0 ? "" : $"; failures: {string.Join(", ", memory.Failures.Select(f => $"{f.Key}: {f.Value}"))}") +
                        (memory.TimeLimitHit ? $"; stopped by the {options.MemoryTimeLimit.TotalMinutes:0}-minute limit short of the mark" : "") + ")");
        text.AppendLine();
        text.AppendLine("## Cold start (process start to the first 200 of `/health`)");
        text.AppendLine();
        text.AppendLine($"- PostgreSQL, empty database (the server migrates it on start): {coldStarts.Postgres.TotalMilliseconds.ToString("0", Invariant)} ms");
        text.AppendLine($"- SQLite, new file: {coldStarts.Sqlite.TotalMilliseconds.ToString("0", Invariant)} ms");
        text.AppendLine();
        text.AppendLine("## How");
        text.AppendLine();
        text.AppendLine($"- Server: {(options.Server is null ? "this repository's Release build" : $"`{options.Server}`")}.");
        if (warmUp is not null)
            text.AppendLine($"- Before round 1, 2 clients of actions and applications (not measured) for {warmUp.Took.TotalSeconds:0} s, " +
                            (warmUp.Settled ? "until the server's tiered compilation fell idle" : "the most allowed, though the server's tiered compilation was still busy") +
                            $"; that thread spent {warmUp.JitMs.ToString("0", Invariant)} ms of CPU meanwhile.");
        text.AppendLine($"- A throwaway PostgreSQL 15 (fsync and synchronous_commit on, max_connections 200) holds both `pgbench` (`-i -s 10`, then `-N -c C -j min(2,C) -T {options.Window.TotalSeconds:0}`, tps without connection time) " +
                        "and the server's database; the Release server (`Maximum Pool Size=100`, Production) and the driver share the machine's cores with it, as pgbench does.");
        text.AppendLine($"- Seeded over HTTP: a party committee with approval authority, {options.Branches} branches of {options.MembersPerBranch} full members, {Count(seeded)} applications (more between windows when needed).");
        text.AppendLine("- Actions: C closed-loop clients on one shared HttpClient, each owning an instance and taking its next step: " +
                        string.Join(", ", Journey.EarlySteps.Select(s => $"`{s.Action}`")) + ", then on to a fresh instance. Only 200s count; latency is of the 200s.");
        text.AppendLine("- Applications: `POST /api/applications`, a new citizen ID each. Only 201s count.");
        text.AppendLine("- CPU: utime+stime from /proc of the server process, and of the postmaster with all its children (live, and exited ones through its cutime/cstime), read at the window's ends.");
        text.AppendLine($"- Memory phase: up to {Journey.RepeatsPerInstance} `record-thought-report`/`record-inspection` per instance after its early steps, across thousands of instances; RSS is VmRSS of the server process.");
        return text.ToString();
    }

    private static string Row(params string[] cells) => "| " + string.Join(" | ", cells) + " |";
    private static string Rate(double value) => double.IsNaN(value) ? "–" : value.ToString("0", Invariant);
    private static string Ratio(double value) => double.IsNaN(value) ? "–" : value.ToString("0.00", Invariant);
    private static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString(value < 100 ? "0.0" : "0", Invariant);
    private static string Cpu(double value) => double.IsNaN(value) ? "–" : value.ToString("0.00", Invariant);
    private static string Mib(double kib) => (kib / 1024).ToString("0", Invariant);
    private static string Count(long value) => value.ToString("N0", Invariant);

    /// <summary>Cores, CPU model, OS and runtime: the line every report starts with.</summary>
    public static string Machine()
    {
        var model = "";
        try
        {
            model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "";
        }
        catch (IOException) { }
        return $"{Environment.ProcessorCount} cores{(model.Length > 0 ? $" ({model})" : "")}, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
    }
}
