using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Reminders;

/// <summary>A member's or an organization's in-app inbox: their reminders, newest first.</summary>
/// <param name="Reader">Who reads: their own inbox, or one of a member or organization in their scopes; null in-process.</param>
public sealed record ListInbox(Guid? Member, Guid? Organization, bool UnreadOnly, Access.Actor? Reader = null) : IQuery<IReadOnlyList<InboxItem>>, IValidate
{
    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (Member is null == Organization is null) yield return ("member", "give exactly one of member or organization");
    }
}

/// <param name="InstanceId">The instance the deadline is of; null for a deadline the registry opened (a term entered on record).</param>
public sealed record InboxItem(
    Guid Id, Guid? InstanceId, string DeadlineKind, string ReminderKind, int Occurrence, string RecipientRole,
    DateOnly FireOn, DateOnly DueDate, string Subject, string Body, DateTimeOffset? ReadAt);

public sealed class ListInboxHandler(PartyWorkflowDbContext db) : IQueryHandler<ListInbox, IReadOnlyList<InboxItem>>
{
    private const int Limit = 500;

    public async ValueTask<IReadOnlyList<InboxItem>> Handle(ListInbox query, CancellationToken ct)
    {
        var (type, id) = query.Member is { } member ? ("member", member) : ("organization", query.Organization!.Value);
        var allowed = await Access.ReadScope.OrganizationsAsync(db, query.Reader, ct);
        var covered = type == "organization"
            ? Access.ReadScope.Covers(allowed, id)
            : await Access.ReadScope.CoversPersonAsync(db, allowed, query.Reader, id, ct);
        if (!covered) throw new NotFoundException(type, id.ToString());
        return await db.Reminders.AsNoTracking()
            .Where(r => r.RecipientType == type && r.RecipientId == id && (!query.UnreadOnly || r.ReadAt == null))
            .OrderByDescending(r => r.FireOn).ThenBy(r => r.Id)
            .Take(Limit)
            .Select(r => new InboxItem(r.Id, r.InstanceId, r.DeadlineKind, r.ReminderKind, r.Occurrence, r.RecipientRole, r.FireOn, r.DueDate, r.Subject, r.Body, r.ReadAt))
            .ToListAsync(ct);
    }
}
