namespace PartyWorkflow.Application.Reminders;

/// <summary>
/// A newly created feed. <see cref="Url"/> holds the secret token and is shown this once: only its
/// hash is stored, so a lost URL is revoked and a new feed created.
/// </summary>
public sealed record CalendarFeedView(Guid Id, string OwnerType, Guid OwnerId, string Url, DateTimeOffset CreatedAt);
