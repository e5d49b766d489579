namespace PartyWorkflow.LoadDriver;

/// <summary>One round at one client count: pgbench, then workflow actions, then new applications, each in its own window.</summary>
public sealed record RoundResult(int Round, int Clients, PgbenchResult Pgbench, WindowResult Actions, WindowResult Applications);

/// <summary>How long the server took to settle before round 1, and the CPU its tiered compilation spent meanwhile.</summary>
public sealed record WarmUp(TimeSpan Took, double JitMs, bool Settled);

/// <summary>
/// The measured rounds. Between windows, outside them, the pool of instances with early steps left is
/// topped up to what the next actions window is expected to use: if a window still runs the pool dry
/// it is topped up further and measured again, so that no figure comes from clients left idle.
/// </summary>
public sealed class Rounds(Options options, Postgres cluster, Api api, Applications applications, InstancePool pool, Probes probes, Action<string> progress)
{
    /// <summary>A first guess, before anything is measured; each window's own rate replaces it.</summary>
    private double expectedActionsPerSecond = 300;
    private int expectedAtClients = 1;

    public WarmUp? WarmUp { get; private set; }

    public async Task<List<RoundResult>> RunAsync(CancellationToken ct)
    {
        WarmUp = await WarmUpServerAsync(ct);
        var results = new List<RoundResult>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var clients in Options.ClientCounts)
            {
                var pgbench = await Pgbench.RunAsync(cluster, clients, options.WarmUp, options.Window, ct);
                var actions = await MeasureActionsAsync(clients, options.WarmUp, options.Window, ct);
                var submitted = await Load.MeasureAsync(clients, options.WarmUp, options.Window,
                    async (_, token) => Outcome.From(await applications.SubmitAsync(token), 201), probes, ct);
                results.Add(new RoundResult(round, clients, pgbench, actions, submitted));
                progress($"round {round}, {clients,2} clients: pgbench {pgbench.Tps:0} tps; actions {actions.PerSecond:0}/s " +
                         $"(p99 {actions.P99Ms:0.0} ms, {actions.FailureCount} failed); applications {submitted.PerSecond:0}/s " +
                         $"({submitted.FailureCount} failed); server RSS {submitted.ServerRssKiB / 1024} MiB");
            }
        }
        return results;
    }

    /// <summary>
    /// Unmeasured load until the server's JIT has settled. .NET recompiles hot methods optimized on a
    /// background thread, after they have run a while; for this server that is seconds of CPU, and
    /// a fixed warm-up left much of it inside round 1's windows. So chunks of actions and applications
    /// are run until one leaves that thread all but idle, at most <see cref="Options.ServerWarmUpChunks"/>.
    /// Two clients, not more: with the cores saturated the compiling thread gets a small share and
    /// takes many times longer to catch up.
    /// </summary>
    private async Task<WarmUp> WarmUpServerAsync(CancellationToken ct)
    {
        const int clients = 2;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var jitAtStart = probes.ServerJitTicks();
        WarmUp Result(bool settled) => new(clock.Elapsed, ProcStat.TicksToMilliseconds(probes.ServerJitTicks() - jitAtStart), settled);
        for (var chunk = 1; chunk <= options.ServerWarmUpChunks; chunk++)
        {
            var jitBefore = probes.ServerJitTicks();
            await MeasureActionsAsync(clients, TimeSpan.Zero, TimeSpan.FromSeconds(2), ct);
            await Load.MeasureAsync(clients, TimeSpan.Zero, TimeSpan.FromSeconds(1),
                async (_, token) => Outcome.From(await applications.SubmitAsync(token), 201), probes, ct);
            var jitMs = ProcStat.TicksToMilliseconds(probes.ServerJitTicks() - jitBefore);
            progress($"warm-up {chunk}: the server's tiered compilation took {jitMs:0} ms of CPU");
            if (jitMs <= 30) return Result(settled: true);
        }
        return Result(settled: false);
    }

    private async Task<WindowResult> MeasureActionsAsync(int clients, TimeSpan warmUp, TimeSpan window, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await TopUpAsync(clients, warmUp + window, attempt, ct);
            var load = new EarlyStepLoad(api, pool, clients);
            var result = await Load.MeasureAsync(clients, warmUp, window, load.NextAsync, probes, ct);
            load.GiveBack();
            expectedActionsPerSecond = Math.Max(expectedActionsPerSecond, result.PerSecond);
            expectedAtClients = Math.Max(expectedAtClients, clients);
            if (!result.Failures.ContainsKey(Outcome.PoolRanDry.Failure!) || attempt == 3) return result;
            progress($"the pool ran dry at {clients} clients; topping up and measuring again");
        }
    }

    private async Task TopUpAsync(int clients, TimeSpan duration, int attempt, CancellationToken ct)
    {
        // More clients than measured so far may well be faster: allow for double the best rate seen.
        var rate = expectedActionsPerSecond * (clients > expectedAtClients ? 2 : 1) * attempt;
        var seconds = duration.TotalSeconds;
        var needed = (int)Math.Ceiling(rate * seconds * 1.3 / Journey.EarlySteps.Length) + 2 * clients;
        var missing = needed - pool.EarlyCount;
        if (missing <= 0) return;
        progress($"seeding {missing} more applications for the next window");
        await Seeder.SeedApplicationsAsync(applications, missing, options.SeedParallelism, ct);
    }
}
