using System.Diagnostics;
using System.Runtime.InteropServices;
using PartyWorkflow.LoadDriver;
using PartyWorkflow.LoadDriver.Registry;

// The server under load against pgbench on the same throwaway PostgreSQL. Usage: [--quick] [--out FILE] [--server DLL].
// With --registry, the survey import and the coverage report instead (Registry/RegistryRun.cs).
// Everything it starts (the cluster, the servers, the temporary folder) is stopped and deleted in the
// finally blocks, which Ctrl+C and SIGTERM reach too: they cancel the run instead of ending the process.
Options options;
try
{
    options = Options.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancel.Cancel();
});
var ct = cancel.Token;

var startedUtc = DateTime.UtcNow;
var clock = Stopwatch.StartNew();
void Progress(string line) => Console.Error.WriteLine($"[{clock.Elapsed:mm\\:ss}] {line}");

try
{
    var repositoryRoot = RepositoryRoot.Find();
    if (options.Registry)
        return await RegistryRun.RunAsync(options, repositoryRoot, startedUtc, clock, Progress, ct);
    Progress("starting a throwaway PostgreSQL 15");
    await using var cluster = await Postgres.StartAsync(ct);
    Progress($"PostgreSQL on 127.0.0.1:{cluster.Port} in {cluster.Root}; pgbench -i -s 10");
    await Pgbench.InitAsync(cluster, scale: 10, ct);
    await cluster.CreateDatabaseAsync("partyworkflow", ct);

    using var server = await ServerProcess.StartAsync(repositoryRoot, options.Server, cluster.ConnectionString("partyworkflow", maxPoolSize: 100), ct);
    Progress($"server (pid {server.Pid}) healthy at {server.Address} after {server.ColdStart.TotalMilliseconds:0} ms");
    var sqliteFolder = Directory.CreateDirectory(Path.Combine(cluster.Root, "sqlite")).FullName;
    TimeSpan sqliteColdStart;
    using (var sqlite = await ServerProcess.StartAsync(repositoryRoot, options.Server, $"Data Source={Path.Combine(sqliteFolder, "bench.db")}", ct))
        sqliteColdStart = sqlite.ColdStart;
    Progress($"SQLite server healthy after {sqliteColdStart.TotalMilliseconds:0} ms, and killed");

    using var http = Api.CreateClient(server.Address);
    var api = new Api(http);
    var organization = await Seeder.CreateOrganizationAsync(api, options.Branches, options.MembersPerBranch, ct);
    Progress($"created a party committee and {options.Branches} branches of {options.MembersPerBranch} members");
    var pool = new InstancePool();
    var applications = new Applications(api, organization, pool);
    Progress($"seeding {options.SeedApplications} applications, {options.SeedParallelism} at a time");
    var seeded = await Seeder.SeedApplicationsAsync(applications, options.SeedApplications, options.SeedParallelism, ct);

    var probes = new Probes(server.Pid, cluster.PostmasterPid);
    var rssAfterSeeding = probes.ServerRssKiB();
    var measured = new Rounds(options, cluster, api, applications, pool, probes, Progress);
    var rounds = await measured.RunAsync(ct);
    Progress($"memory: on to {options.MemoryFirstMark:N0}, then {options.MemorySecondMark:N0} actions since start, {options.MemoryClients} clients");
    var memory = await MemoryPhase.RunAsync(options, api, pool, applications, probes, Progress, ct);

    var report = Report.Render(options, startedUtc, clock.Elapsed, rounds, memory, new ColdStarts(server.ColdStart, sqliteColdStart), seeded, rssAfterSeeding, measured.WarmUp);
    Console.WriteLine(report);
    var output = options.Out ?? Path.Combine(repositoryRoot, "benchmarks", "results", $"load-{startedUtc:yyyy-MM-dd}.md");
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    await File.WriteAllTextAsync(output, report, CancellationToken.None);
    Progress($"written to {output}");
    return 0;
}
catch (OperationCanceledException) when (ct.IsCancellationRequested)
{
    Progress("cancelled; everything started has been stopped");
    return 130;
}
catch (Exception ex)
{
    Console.Error.WriteLine(ex);
    return 1;
}
