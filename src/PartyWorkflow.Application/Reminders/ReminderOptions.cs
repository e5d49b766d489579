namespace PartyWorkflow.Application.Reminders;

/// <summary>Settings of the <c>PartyWorkflow:Reminders</c> section.</summary>
public sealed class ReminderOptions
{
    /// <summary>Whether this process runs the Quartz sweeps (tests call the sweeps directly instead).</summary>
    public bool SchedulerEnabled { get; set; } = true;
    public int SweepIntervalSeconds { get; set; } = 60;
    /// <summary>Deadlines claimed per transaction: small enough to keep locks short, large enough to be quick.</summary>
    public int BatchSize { get; set; } = 500;
    /// <summary>This process's name in the cluster; default: host name and process id.</summary>
    public string? NodeId { get; set; }
    public SmtpOptions Smtp { get; set; } = new();

    public string Node => NodeId ?? $"{Environment.MachineName}-{Environment.ProcessId}";
}

/// <summary>E-mail goes out only when <see cref="Host"/> is set.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "partyworkflow@localhost";
    public string FromName { get; set; } = "党建工作提醒";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary><c>None</c>, <c>StartTls</c>, <c>SslOnConnect</c> or <c>Auto</c>.</summary>
    public string Security { get; set; } = "Auto";
    public int MaxAttempts { get; set; } = 10;
    public int RetryAfterSeconds { get; set; } = 60;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
