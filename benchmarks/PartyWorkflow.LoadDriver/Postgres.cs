namespace PartyWorkflow.LoadDriver;

/// <summary>
/// A throwaway PostgreSQL 15 cluster in a temporary folder, on a free loopback port, owned by the
/// postgres user (initdb refuses to run as root). It keeps PostgreSQL's durable defaults — fsync and
/// synchronous_commit on — because a server that commits for real is what the figures are about;
/// only max_connections is raised (pgbench's and the server's pools together) and only loopback is
/// listened on. Disposing stops it and deletes the folder.
/// </summary>
public sealed class Postgres : IAsyncDisposable
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private const string OsUser = "postgres";
    private bool disposed;

    /// <summary>The temporary folder: the data directory, the socket directory and the log are inside it.</summary>
    public string Root { get; }
    public int Port { get; private set; }
    public int PostmasterPid { get; private set; }

    private string DataDirectory => Path.Combine(Root, "data");
    private string SocketDirectory => Path.Combine(Root, "socket");
    /// <summary>The server log (stderr of the postmaster), read for the statements it logs with their durations.</summary>
    public string LogFile => Path.Combine(Root, "postgres.log");

    private Postgres(string root) => Root = root;

    public static string Tool(string name) => Path.Combine(BinDirectory, name);

    /// <summary>Npgsql's connection string for a database of this cluster.</summary>
    public string ConnectionString(string database, int maxPoolSize) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size={maxPoolSize}";

    /// <summary>The libpq options for the client tools (createdb, pgbench): TCP, like the server's connections.</summary>
    public IReadOnlyList<string> ClientArguments => ["-h", "127.0.0.1", "-p", Port.ToString(), "-U", "postgres"];

    public static async Task<Postgres> StartAsync(CancellationToken ct)
    {
        var root = (await Commands.RunAsync("mktemp", ["-d", "/tmp/partyworkflow-load.XXXXXX"], ct)).Output.Trim();
        // Made before anything can fail, so that a failed start still deletes the folder.
        var cluster = new Postgres(root);
        try
        {
            Directory.CreateDirectory(cluster.SocketDirectory);
            await Commands.RunAsync("chown", ["-R", $"{OsUser}:{OsUser}", root], ct);
            // --no-sync only skips initdb's own flush of the files it writes; the server still fsyncs.
            await AsPostgres("initdb", ["-D", cluster.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"], ct);
            cluster.Port = Ports.Free();
            var settings = string.Join(' ',
                $"-p {cluster.Port}",
                $"-k {cluster.SocketDirectory}",
                "-c listen_addresses=127.0.0.1",
                "-c max_connections=200",
                // The defaults, spelt out: durable commits are the point of the comparison.
                "-c fsync=on",
                "-c synchronous_commit=on");
            await AsPostgres("pg_ctl", ["-D", cluster.DataDirectory, "-l", cluster.LogFile, "-w", "-t", "60", "-o", settings, "start"], ct);
            cluster.PostmasterPid = int.Parse(File.ReadLines(Path.Combine(cluster.DataDirectory, "postmaster.pid")).First().Trim());
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public Task CreateDatabaseAsync(string name, CancellationToken ct) =>
        Commands.RunAsync(Tool("createdb"), [.. ClientArguments, name], ct);

    private static Task<CommandResult> AsPostgres(string tool, IReadOnlyList<string> arguments, CancellationToken ct, bool check = true) =>
        Commands.RunAsync("runuser", ["-u", OsUser, "--", Tool(tool), .. arguments], ct, check);

    public async ValueTask DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        // Not cancellable: this runs on Ctrl+C too, and must finish.
        if (Directory.Exists(Path.Combine(DataDirectory, "global")))
        {
            var stop = await AsPostgres("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "-t", "30", "stop"], CancellationToken.None, check: false);
            if (stop.ExitCode != 0 && IsOurPostmasterAlive())
                await AsPostgres("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "-t", "30", "stop"], CancellationToken.None, check: false);
        }
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"could not delete {Root}: {ex.Message}");
        }
    }

    /// <summary>By the data directory in its command line, so that another cluster's postmaster (say, a developer's) is never taken for ours.</summary>
    private bool IsOurPostmasterAlive()
    {
        if (PostmasterPid == 0) return false;
        try
        {
            return File.ReadAllText($"/proc/{PostmasterPid}/cmdline").Contains(DataDirectory, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
