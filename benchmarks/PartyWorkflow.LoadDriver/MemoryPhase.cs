namespace PartyWorkflow.LoadDriver;

/// <summary>The server's resident memory once a number of actions have been taken since it started.</summary>
public sealed record MemoryMark(long Target, long Actions, long RssKiB);

public sealed record MemoryResult(MemoryMark First, MemoryMark Second, IReadOnlyDictionary<string, long> Failures, bool TimeLimitHit,
    double ActionsPerSecond)
{
    public double Ratio => First.RssKiB == 0 ? double.NaN : (double)Second.RssKiB / First.RssKiB;
}

/// <summary>
/// After the rounds, in the same server process: actions until the first mark (counted since the
/// server started, so the rounds' actions count too), RSS; on to the second mark, RSS again. Growth
/// between the two is what a long-running server would keep gaining.
/// </summary>
public static class MemoryPhase
{
    public static async Task<MemoryResult> RunAsync(Options options, Api api, InstancePool pool, Applications applications, Probes probes,
        Action<string> progress, CancellationToken ct)
    {
        var load = new MemoryLoad(api, pool, applications, options.MemoryClients);
        var deadline = DateTime.UtcNow + options.MemoryTimeLimit;
        var failures = new Dictionary<string, long>();
        var startActions = api.ActionsTaken;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        async Task<MemoryMark> DriveToAsync(long target)
        {
            var more = await Load.RunUntilAsync(options.MemoryClients, () => api.ActionsTaken >= target, deadline, load.NextAsync, ct);
            foreach (var (label, count) in more) failures[label] = failures.GetValueOrDefault(label) + count;
            var mark = new MemoryMark(target, api.ActionsTaken, probes.ServerRssKiB());
            progress($"{mark.Actions:N0} actions since start: server RSS {mark.RssKiB / 1024} MiB");
            return mark;
        }

        var first = await DriveToAsync(options.MemoryFirstMark);
        var second = await DriveToAsync(options.MemorySecondMark);
        var rate = (api.ActionsTaken - startActions) / clock.Elapsed.TotalSeconds;
        return new MemoryResult(first, second, failures, second.Actions < second.Target, rate);
    }
}
