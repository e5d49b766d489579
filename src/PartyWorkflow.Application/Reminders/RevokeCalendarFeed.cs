using Mediator;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Reminders;

/// <summary>
/// Stops a feed's URL from working. Revoking again changes nothing (the first revocation time
/// stays), so a retried request is harmless. True when this call revoked it.
/// </summary>
/// <remarks>A feed is revoked by its member, or within a scope that reaches its member or organization; elsewhere it is 404.</remarks>
public sealed record RevokeCalendarFeed(Guid Id, Access.Actor? By = null) : ICommand<bool>;

public sealed class RevokeCalendarFeedHandler(PartyWorkflowDbContext db, Clock clock, Access.Scopes scopes) : ICommandHandler<RevokeCalendarFeed, bool>
{
    public async ValueTask<bool> Handle(RevokeCalendarFeed command, CancellationToken ct)
    {
        var feed = await db.CalendarFeeds.FindAsync([command.Id], ct) ?? throw new NotFoundException("calendar feed", command.Id.ToString());
        if (command.By is { } by)
            await scopes.RequireOwnerAsync(by, feed.OwnerType, feed.OwnerId, Access.Actor.RoleNames, () => new NotFoundException("calendar feed", command.Id.ToString()), ct);
        if (feed.RevokedAt is not null) return false;
        feed.RevokedAt = clock.Now;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
