namespace PartyWorkflow.LoadDriver;

/// <summary>CPU of the server and of PostgreSQL at one instant, in clock ticks.</summary>
public readonly record struct CpuSnapshot(long ServerTicks, long PostgresTicks)
{
    public static CpuSnapshot operator -(CpuSnapshot after, CpuSnapshot before) =>
        new(after.ServerTicks - before.ServerTicks, after.PostgresTicks - before.PostgresTicks);
}

/// <summary>What is read around each measured window: the server process and the cluster's processes.</summary>
public sealed class Probes(int serverPid, int postmasterPid)
{
    public CpuSnapshot Cpu() => new(ProcStat.CpuTicks(serverPid), ProcStat.PostgresCpuTicks(postmasterPid));

    public long ServerRssKiB() => ProcStat.RssKiB(serverPid);

    /// <summary>The .NET runtime's background thread that recompiles hot methods optimized (tiered compilation).</summary>
    public long ServerJitTicks() => ProcStat.ThreadCpuTicks(serverPid, ".NET Tiered Com");
}
