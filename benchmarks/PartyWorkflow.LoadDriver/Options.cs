namespace PartyWorkflow.LoadDriver;

/// <summary>
/// The command line (<c>--quick</c>, <c>--registry</c>, <c>--out FILE</c>, <c>--server DLL</c>) and the sizes and
/// durations that follow from it. <c>--server</c> runs another build of the server, say one of an earlier commit
/// made in a git worktree, so that two builds are measured by the same driver on the same machine.
/// <c>--registry</c> runs the registry's benchmark (the survey import and the coverage report) instead of the load.
/// </summary>
public sealed record Options(bool Quick, string? Out, string? Server, bool Registry = false)
{
    public const string Usage = "usage: [--quick] [--registry] [--out FILE] [--server PartyWorkflow.Server.dll]";

    /// <summary>One client is the latency floor; 8 and 16 are past the 2 cores, where queueing starts.</summary>
    public static readonly int[] ClientCounts = [1, 8, 16];

    public int Rounds => Quick ? 1 : 3;
    public TimeSpan WarmUp => TimeSpan.FromSeconds(Quick ? 1 : 2);
    public TimeSpan Window => TimeSpan.FromSeconds(Quick ? 5 : 15);
    public int Branches => 20;
    /// <summary>A secretary, a training contact and a few more: every one a full member with a vote.</summary>
    public int MembersPerBranch => 5;
    public int SeedApplications => Quick ? 500 : 5_000;
    public int SeedParallelism => 8;
    /// <summary>The longest the server's warm-up may take (see <see cref="Rounds"/>), in chunks of a few seconds.</summary>
    public int ServerWarmUpChunks => Quick ? 10 : 15;
    public int MemoryClients => 16;
    public long MemoryFirstMark => Quick ? 2_000 : 10_000;
    public long MemorySecondMark => Quick ? 20_000 : 200_000;
    /// <summary>The memory phase stops here even short of its mark, so that a slow server cannot make the run endless.</summary>
    public TimeSpan MemoryTimeLimit => TimeSpan.FromMinutes(Quick ? 4 : 30);

    // The registry's sizes are the (10,000 rows, 100,000 units) in both runs: --quick only measures fewer times.
    public int ImportRows => 10_000;
    public int ImportRounds => Quick ? 1 : 3;
    public int CoverageUnits => 100_000;
    public int CoverageWarmUpCalls => Quick ? 3 : 5;
    public int CoverageCalls => Quick ? 5 : 20;

    public static Options Parse(string[] args)
    {
        var quick = false;
        var registry = false;
        string? output = null;
        string? server = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--registry":
                    registry = true;
                    break;
                case "--out" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "--server" when i + 1 < args.Length:
                    server = Path.GetFullPath(args[++i]);
                    break;
                default:
                    throw new ArgumentException($"unknown argument '{args[i]}'; {Usage}");
            }
        }
        return new Options(quick, output, server, registry);
    }
}
