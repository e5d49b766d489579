using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Reminders;

/// <summary>A secret iCalendar URL of the open deadlines of one member, or of an organization and everything below it.</summary>
/// <param name="By">Who creates it: a feed of themself, or of a member or organization in their scopes (set by the server, never read from the body).</param>
public sealed record CreateCalendarFeed(Guid? MemberId, Guid? OrganizationId, [property: System.Text.Json.Serialization.JsonIgnore] Access.Actor? By = null)
    : ICommand<CalendarFeedView>, IValidate
{
    public IEnumerable<(string Field, string Message)> Validate()
    {
        if ((MemberId is null) == (OrganizationId is null))
        {
            const string message = "exactly one of memberId and organizationId is required";
            yield return ("memberId", message);
            yield return ("organizationId", message);
        }
    }
}

public sealed class CreateCalendarFeedHandler(PartyWorkflowDbContext db, Clock clock) : ICommandHandler<CreateCalendarFeed, CalendarFeedView>
{
    public async ValueTask<CalendarFeedView> Handle(CreateCalendarFeed command, CancellationToken ct)
    {
        var (ownerType, ownerId) = command.MemberId is { } memberId ? ("member", memberId) : ("organization", command.OrganizationId!.Value);
        var allowed = await Access.ReadScope.OrganizationsAsync(db, command.By, ct);
        var covered = ownerType == "organization"
            ? Access.ReadScope.Covers(allowed, ownerId)
            : await Access.ReadScope.CoversPersonAsync(db, allowed, command.By, ownerId, ct);
        if (!covered) throw new NotFoundException(ownerType == "member" ? "member" : "party organization", ownerId.ToString());
        if (ownerType == "member" && !await db.People.AnyAsync(p => p.Id == ownerId && p.Membership != "none", ct))
            throw RuleRefusalException.For("member-exists", $"memberId：找不到编号为 {ownerId} 的党员", $"memberId: no member with id {ownerId}");
        if (ownerType == "organization" && !await db.Organizations.AnyAsync(o => o.Id == ownerId, ct))
            throw RuleRefusalException.For("organization-exists", $"organizationId：找不到编号为 {ownerId} 的党组织", $"organizationId: no party organization with id {ownerId}");

        var token = CalendarFeedToken.New();
        var feed = db.CalendarFeeds.Add(new CalendarFeed
        {
            Id = Guid.CreateVersion7(),
            TokenHash = CalendarFeedToken.Hash(token),
            OwnerType = ownerType,
            OwnerId = ownerId,
            CreatedAt = clock.Now,
        }).Entity;
        await db.SaveChangesAsync(ct);
        return new CalendarFeedView(feed.Id, feed.OwnerType, feed.OwnerId, CalendarFeedToken.Path(token), feed.CreatedAt);
    }
}
