namespace PartyWorkflow.Persistence.Entities;

/// <summary>
/// The e-mail outbox: written with its reminder, sent afterwards with retries. Delivery is at least
/// once; the <see cref="MessageId"/> never changes, so a resent reminder is recognizably the same.
/// </summary>
public sealed class EmailMessage
{
    public Guid Id { get; set; }
    public Guid ReminderId { get; set; }
    public required string ToAddress { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public required string MessageId { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
