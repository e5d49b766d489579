namespace PartyWorkflow.Persistence.Entities;

/// <summary>A secret iCalendar URL for a member's or an organization's deadlines; only the token's hash is stored.</summary>
public sealed class CalendarFeed
{
    public Guid Id { get; set; }
    public required string TokenHash { get; set; }
    /// <summary><c>member</c> or <c>organization</c>.</summary>
    public required string OwnerType { get; set; }
    public Guid OwnerId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
