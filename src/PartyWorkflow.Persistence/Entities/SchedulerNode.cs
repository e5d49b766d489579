namespace PartyWorkflow.Persistence.Entities;

/// <summary>A server process that has run reminder sweeps, for the health view of the cluster.</summary>
public sealed class SchedulerNode
{
    public required string NodeId { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset? LastSweepAt { get; set; }
    public int LastSweepReminders { get; set; }
}
