using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Registry;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Reminders;

/// <summary>
/// The iCalendar text of a feed, found by its secret token: every open deadline of the member, or
/// of the organization's branches and those below it, overdue ones included (they matter most).
/// </summary>
public sealed record GetCalendarFeed(string Token) : IQuery<string>;

public sealed class GetCalendarFeedHandler(PartyWorkflowDbContext db, WorkflowCatalog catalog, Subjects.SubjectKinds kinds) : IQueryHandler<GetCalendarFeed, string>
{
    public async ValueTask<string> Handle(GetCalendarFeed query, CancellationToken ct)
    {
        var hash = CalendarFeedToken.Hash(query.Token);
        // Unknown and revoked look the same, and the token is not echoed back.
        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.TokenHash == hash && f.RevokedAt == null, ct)
                   ?? throw new NotFoundException("calendar feed", "(unknown or revoked token)");

        var (ownerName, deadlines) = feed.OwnerType == "member" ? await OfMemberAsync(feed.OwnerId, ct) : await OfOrganizationAsync(feed.OwnerId, ct);
        var subjects = await kinds.ContactsAsync(deadlines.Select(d => (d.SubjectKind, d.SubjectId)), ct);
        return DeadlineCalendar.Write(ownerName, deadlines, subjects.ToDictionary(s => s.Key, s => s.Value.Name), catalog);
    }

    private async Task<(string Name, List<Deadline> Deadlines)> OfMemberAsync(Guid personId, CancellationToken ct)
    {
        var name = await db.People.Where(p => p.Id == personId).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? "";
        return (name, await db.Deadlines.AsNoTracking().Where(d => d.IsOpen && d.SubjectKind == "person" && d.SubjectId == personId).ToListAsync(ct));
    }

    private async Task<(string Name, List<Deadline> Deadlines)> OfOrganizationAsync(Guid organizationId, CancellationToken ct)
    {
        var branches = await OrganizationSubtree.IdsAsync(db, organizationId, ct);
        var name = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";
        return (name, await db.Deadlines.AsNoTracking().Where(d => d.IsOpen && branches.Contains(d.OrganizationId)).ToListAsync(ct));
    }
}
