using System.Diagnostics;
using System.Net;

namespace PartyWorkflow.LoadDriver;

/// <summary>
/// The server as it is deployed: the Release build run with <c>dotnet PartyWorkflow.Server.dll</c>, in
/// Production, on a free loopback port. Nothing is built here; a missing build is an error that says how
/// to make it. The time from starting the process to the first 200 of <c>/health</c> is the cold start:
/// it includes the runtime's start, loading the workflow definitions and migrating the database.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private const string RelativeDll = "src/PartyWorkflow.Server/bin/Release/net10.0/PartyWorkflow.Server.dll";
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromMinutes(2);

    private readonly Process process;
    private readonly OutputTail tail;

    public Uri Address { get; }
    public int Pid => process.Id;
    public TimeSpan ColdStart { get; private set; }

    private ServerProcess(Process process, OutputTail tail, Uri address) => (this.process, this.tail, Address) = (process, tail, address);

    /// <summary>The repository's own Release build, unless <paramref name="dll"/> names another.</summary>
    public static async Task<ServerProcess> StartAsync(string repositoryRoot, string? dll, string connectionString, CancellationToken ct)
    {
        dll ??= Path.Combine(repositoryRoot, RelativeDll);
        if (!File.Exists(dll))
            throw new FileNotFoundException($"{dll} is missing: run `dotnet build -c Release src/PartyWorkflow.Server` first (scripts/bench.sh does)");
        var address = new Uri($"http://127.0.0.1:{Ports.Free()}");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ConnectionStrings__Default"] = connectionString,
                ["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/'),
                ["PartyWorkflow__SeedDemoData"] = "false",
                // The driver signs in as this administrator and creates a user for each acting secretary.
                ["PartyWorkflow__Admin__UserName"] = Api.AdminUser,
                ["PartyWorkflow__Admin__Password"] = Api.AdminPassword,
                // One address signs in every secretary at the start: not an attack.
                ["PartyWorkflow__SignIn__PermitsPerMinute"] = "100000",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                // Personal data is sealed as in production: keys of this run's own.
                ["PartyWorkflow__PersonalData__CurrentKey"] = "bench",
                ["PartyWorkflow__PersonalData__Keys__bench"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
                ["PartyWorkflow__PersonalData__HashKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            },
        };
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the server");
        var tail = new OutputTail();
        // The pipes must be drained, or a chatty server blocks on a full one; the tail explains a failed start.
        process.OutputDataReceived += (_, e) => tail.Add(e.Data);
        process.ErrorDataReceived += (_, e) => tail.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, tail, address);
        try
        {
            await server.WaitUntilHealthyAsync(ct);
            server.ColdStart = clock.Elapsed;
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    private async Task WaitUntilHealthyAsync(CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + HealthTimeout;
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"the server exited with {process.ExitCode} before it was healthy:\n{tail}");
            try
            {
                using var response = await client.GetAsync("/health", ct);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Listening but still migrating; ask again.
            }
            // Short, because the poll interval is the resolution of the cold-start figure.
            await Task.Delay(10, ct);
        }
        throw new TimeoutException($"the server was not healthy within {HealthTimeout.TotalSeconds:0} s:\n{tail}");
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        process.Dispose();
    }

    /// <summary>The last lines the server printed.</summary>
    private sealed class OutputTail
    {
        private const int Lines = 60;
        private readonly Queue<string> lines = new();

        public void Add(string? line)
        {
            if (line is null) return;
            lock (lines)
            {
                lines.Enqueue(line);
                if (lines.Count > Lines) lines.Dequeue();
            }
        }

        public override string ToString()
        {
            lock (lines) return string.Join('\n', lines);
        }
    }
}
