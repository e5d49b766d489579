using System.Diagnostics;

namespace PartyWorkflow.LoadDriver;

public sealed record CommandResult(int ExitCode, string Output, string Error);

/// <summary>Runs a command to its end and captures what it prints (initdb, pg_ctl, createdb, pgbench).</summary>
public static class Commands
{
    public static async Task<CommandResult> RunAsync(string file, IReadOnlyList<string> arguments, CancellationToken ct, bool check = true)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        // Both pipes are read at once: a child that fills one while we wait on the other would hang.
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw;
        }
        var result = new CommandResult(process.ExitCode, await output, await error);
        if (check && result.ExitCode != 0)
            throw new InvalidOperationException(
                $"{file} {string.Join(' ', arguments)} exited with {result.ExitCode}:\n{result.Error}{result.Output}");
        return result;
    }
}
