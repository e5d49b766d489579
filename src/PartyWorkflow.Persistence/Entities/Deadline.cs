namespace PartyWorkflow.Persistence.Entities;

/// <summary>
/// A deadline an instance has open (or had), or one the registry opened on its own (the term of an
/// organization entered on record, <see cref="InstanceId"/> null): indexed by due date for the reminder sweeps.
/// </summary>
public sealed class Deadline
{
    public Guid Id { get; set; }
    public Guid? InstanceId { get; set; }
    public required string Kind { get; set; }
    public DateOnly DueDate { get; set; }
    /// <summary>The instance's filing organization, kept in step with it (a transfer moves its deadlines).</summary>
    public Guid OrganizationId { get; set; }
    public required string SubjectKind { get; set; }
    public Guid SubjectId { get; set; }
    public bool IsOpen { get; set; } = true;
    /// <summary>The definition that declares this kind of deadline and its reminder schedule.</summary>
    public required string DefinitionId { get; set; }
    public int DefinitionVersion { get; set; }
    /// <summary>The day it was opened (today then): reminders that would have fallen before it are not sent.</summary>
    public DateOnly OpenedOn { get; set; }
    /// <summary>Reminders falling on or before this day have been written; the sweep moves it forward.</summary>
    public DateOnly RemindedThrough { get; set; }
    /// <summary>The next day a reminder falls due, or null when none will; what the sweeps look for.</summary>
    public DateOnly? NextReminderOn { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}
