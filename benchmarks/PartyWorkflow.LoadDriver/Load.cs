using System.Collections.Concurrent;
using System.Diagnostics;

namespace PartyWorkflow.LoadDriver;

/// <summary>What one request of a workload came to. <see cref="Stop"/>: this client has nothing left to do in the window.</summary>
public readonly record struct Outcome(bool Succeeded, string? Failure = null, bool Stop = false)
{
    public static readonly Outcome Success = new(true);
    public static readonly Outcome PoolRanDry = new(false, "pool ran dry", Stop: true);
    public static Outcome From(Reply reply, int expectedStatus) => reply.Status == expectedStatus ? Success : new Outcome(false, reply.Label);
}

/// <summary>One measured window: successes, failures by status, latency of the successes, and what the processes used meanwhile.</summary>
public sealed record WindowResult(
    int Clients, double Seconds, long Succeeded, IReadOnlyDictionary<string, long> Failures,
    double P50Ms, double P99Ms, CpuSnapshot Cpu, long ServerRssKiB)
{
    public double PerSecond => Succeeded / Seconds;
    public long FailureCount => Failures.Values.Sum();
    public double ServerCpuMsPerSuccess => Succeeded == 0 ? double.NaN : ProcStat.TicksToMilliseconds(Cpu.ServerTicks) / Succeeded;
    public double PostgresCpuMsPerSuccess => Succeeded == 0 ? double.NaN : ProcStat.TicksToMilliseconds(Cpu.PostgresTicks) / Succeeded;
}

/// <summary>
/// Closed-loop load: C clients, each sending its next request when the last one is answered. A warm-up
/// first (JIT, connection pools, caches), then the window: only requests that complete inside it are
/// counted, and the CPU probes are read at its two ends. Requests in flight at the end are left to
/// finish but not counted, and are never cancelled (a cancelled request would be a failure of ours).
/// </summary>
public static class Load
{
    public static async Task<WindowResult> MeasureAsync(
        int clients, TimeSpan warmUp, TimeSpan window, Func<int, CancellationToken, Task<Outcome>> operation,
        Probes probes, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var windowStart = started + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var windowEnd = windowStart + (long)(window.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<double>[clients];
        var failures = new ConcurrentDictionary<string, long>();

        var workers = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var mine = latencies[client] = new List<double>(4096);
            while (Stopwatch.GetTimestamp() < windowEnd)
            {
                ct.ThrowIfCancellationRequested();
                var before = Stopwatch.GetTimestamp();
                var outcome = await operation(client, ct);
                var after = Stopwatch.GetTimestamp();
                if (after >= windowStart && after < windowEnd)
                {
                    if (outcome.Succeeded) mine.Add(Stopwatch.GetElapsedTime(before, after).TotalMilliseconds);
                    else failures.AddOrUpdate(outcome.Failure ?? "?", 1, (_, n) => n + 1);
                }
                if (outcome.Stop) break;
            }
        }, ct)).ToArray();

        await DelayUntil(windowStart, ct);
        var cpuBefore = probes.Cpu();
        await DelayUntil(windowEnd, ct);
        var cpuAfter = probes.Cpu();
        await Task.WhenAll(workers);
        var rss = probes.ServerRssKiB();

        var all = latencies.SelectMany(l => l).Order().ToList();
        return new WindowResult(clients, window.TotalSeconds, all.Count, new Dictionary<string, long>(failures),
            Stats.Percentile(all, 50), Stats.Percentile(all, 99), cpuAfter - cpuBefore, rss);
    }

    /// <summary>
    /// The memory phase's loop: C clients until <paramref name="done"/> says so, or the time limit
    /// passes (the loop is bounded in time as well as in count). Returns the failures by status.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, long>> RunUntilAsync(
        int clients, Func<bool> done, DateTime deadline, Func<int, CancellationToken, Task<Outcome>> operation, CancellationToken ct)
    {
        var failures = new ConcurrentDictionary<string, long>();
        var workers = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            while (!done() && DateTime.UtcNow < deadline)
            {
                ct.ThrowIfCancellationRequested();
                var outcome = await operation(client, ct);
                if (!outcome.Succeeded) failures.AddOrUpdate(outcome.Failure ?? "?", 1, (_, n) => n + 1);
                if (outcome.Stop) break;
            }
        }, ct)).ToArray();
        await Task.WhenAll(workers);
        return new Dictionary<string, long>(failures);
    }

    private static Task DelayUntil(long timestamp, CancellationToken ct)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        return wait > TimeSpan.Zero ? Task.Delay(wait, ct) : Task.CompletedTask;
    }
}
