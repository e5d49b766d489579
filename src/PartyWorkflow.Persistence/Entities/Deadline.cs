namespace PartyWorkflow.Persistence.Entities;

/// <summary>A deadline an instance has open (or had): indexed by due date for the reminder sweeps.</summary>
public sealed class Deadline
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public required string Kind { get; set; }
    public DateOnly DueDate { get; set; }
    public Guid BranchId { get; set; }
    public Guid PersonId { get; set; }
    public bool IsOpen { get; set; } = true;
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}
