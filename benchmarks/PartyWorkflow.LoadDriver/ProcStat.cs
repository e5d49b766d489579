using System.Diagnostics;

namespace PartyWorkflow.LoadDriver;

/// <summary>CPU time and resident memory of processes, read from Linux's /proc.</summary>
public static class ProcStat
{
    /// <summary>Clock ticks per second, the unit of the CPU times in /proc/PID/stat (100 on Linux, asked anyway).</summary>
    public static readonly double TicksPerSecond = AskClockTicks();

    /// <summary>User plus system CPU of one process, all its threads, in clock ticks.</summary>
    public static long CpuTicks(int pid) => Fields(pid) is { } f ? Long(f, 14) + Long(f, 15) : 0;

    /// <summary>
    /// CPU of a whole PostgreSQL cluster in clock ticks: the postmaster, its live children (backends,
    /// checkpointer, WAL writer, autovacuum) and the children that have already exited. The last are
    /// in the postmaster's cutime/cstime once it has reaped them, so a pgbench run whose backends are
    /// gone by the time it is read is still counted. Another cluster's processes have another parent.
    /// </summary>
    public static long PostgresCpuTicks(int postmasterPid)
    {
        var total = 0L;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == postmasterPid) continue;
            if (Fields(pid) is { } f && Long(f, 4) == postmasterPid) total += Long(f, 14) + Long(f, 15);
        }
        // Read after the children: a child reaped in between is then counted twice rather than lost,
        // and either is a matter of one backend's ticks.
        if (Fields(postmasterPid) is { } p) total += Long(p, 14) + Long(p, 15) + Long(p, 16) + Long(p, 17);
        return total;
    }

    /// <summary>CPU of the threads of a process with the given name (as /proc shows it, cut to 15 characters), in clock ticks.</summary>
    public static long ThreadCpuTicks(int pid, string name)
    {
        var total = 0L;
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                if (!int.TryParse(Path.GetFileName(task), out var tid)) continue;
                string comm;
                try
                {
                    comm = File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n');
                }
                catch (IOException)
                {
                    continue; // the thread ended
                }
                if (comm == name && Fields(pid, tid) is { } f) total += Long(f, 14) + Long(f, 15);
            }
        }
        catch (DirectoryNotFoundException) { }
        return total;
    }

    /// <summary>Resident set size (VmRSS) in KiB, 0 when the process is gone.</summary>
    public static long RssKiB(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        return 0;
    }

    public static double TicksToMilliseconds(long ticks) => ticks * 1000.0 / TicksPerSecond;

    /// <summary>
    /// The fields of /proc/PID/stat, numbered as in proc(5) (index 1 is the pid). The name in
    /// parentheses may hold spaces, so the fields are taken from after its closing parenthesis.
    /// </summary>
    private static string[]? Fields(int pid, int? thread = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(thread is { } tid ? $"/proc/{pid}/task/{tid}/stat" : $"/proc/{pid}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // exited between listing and reading
        }
        var close = text.LastIndexOf(')');
        if (close < 0) return null;
        return ["", text[..text.IndexOf(' ')], "comm", .. text[(close + 2)..].Split(' ')];
    }

    private static long Long(string[] fields, int number) => fields.Length > number && long.TryParse(fields[number], out var value) ? value : 0;

    private static double AskClockTicks()
    {
        try
        {
            using var getconf = Process.Start(new ProcessStartInfo("getconf", ["CLK_TCK"]) { RedirectStandardOutput = true });
            var text = getconf?.StandardOutput.ReadToEnd().Trim();
            getconf?.WaitForExit();
            if (double.TryParse(text, out var ticks) && ticks > 0) return ticks;
        }
        catch (System.ComponentModel.Win32Exception) { }
        return 100;
    }
}
