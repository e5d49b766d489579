namespace PartyWorkflow.Persistence.Entities;

/// <summary>
/// "At most one open instance per key", as a definition declares it: the key (constraint, key) is
/// unique, so of two concurrent requests only one can write it. Written when an instance starts and
/// deleted when it ends, in the same transaction as the action.
/// </summary>
public sealed class SubjectLock
{
    public required string Constraint { get; set; }
    public required string Key { get; set; }
    public Guid InstanceId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
