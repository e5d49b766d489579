using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PartyWorkflow.Api.Tests.Infrastructure;

/// <summary>A real server process (the built PartyWorkflow.Server), for tests of several nodes and of kill -9.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process process;

    public Uri Address { get; }

    private ServerProcess(Process process, Uri address) => (this.process, Address) = (process, address);

    public static ServerProcess Start(string connectionString, string nodeId, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = Ports.Free();
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ConnectionStrings__Default"] = connectionString,
                ["PartyWorkflow__SeedDemoData"] = "false",
                ["PartyWorkflow__Reminders__NodeId"] = nodeId,
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        foreach (var (key, value) in ApiFactory.PersonalDataKeys) start.Environment[key.Replace(":", "__")] = value;
        if (TestDatabases.ConnectsAsApp(connectionString)) start.Environment["ConnectionStrings__Owner"] = TestDatabases.OwnerOf(connectionString);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"));
    }

    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited) throw new InvalidOperationException($"the server exited with {process.ExitCode}");
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException("the server did not become healthy");
    }

    /// <summary>SIGKILL: no shutdown, no cleanup, transactions cut off mid-way.</summary>
    public void Kill() => process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
        process.Dispose();
    }
}
