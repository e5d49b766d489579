namespace PartyWorkflow.Persistence.Entities;

/// <summary>
/// One reminder to one recipient, written once: the unique key is (deadline, reminder kind,
/// occurrence, recipient), so weekly overdue reminders and several recipients are distinct rows while
/// a retried sweep can never write the same one twice. It is also the recipient's inbox entry.
/// </summary>
public sealed class Reminder
{
    public Guid Id { get; set; }
    public Guid DeadlineId { get; set; }
    public Guid? InstanceId { get; set; }
    public required string DeadlineKind { get; set; }
    /// <summary><c>before</c>, <c>due</c> or <c>overdue</c>.</summary>
    public required string ReminderKind { get; set; }
    /// <summary>0 for before and due; 1, 2, 3… for the weekly overdue reminders.</summary>
    public int Occurrence { get; set; }
    /// <summary>The role the recipient is reminded in: <c>member</c>, <c>branch</c>, <c>party-committee</c>, <c>organization-department</c>.</summary>
    public required string RecipientRole { get; set; }
    /// <summary><c>member</c> or <c>organization</c>.</summary>
    public required string RecipientType { get; set; }
    public Guid RecipientId { get; set; }
    public DateOnly FireOn { get; set; }
    public DateOnly DueDate { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
