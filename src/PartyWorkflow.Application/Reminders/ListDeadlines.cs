using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Registry;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Reminders;

/// <summary>
/// Open deadlines, filtered: due before a date, of a kind, under an organization (its branches
/// included), overdue or not. For example every probationary member whose probation ends in the
/// next 30 days: <c>kind=probation-end&amp;dueBefore=…</c>.
/// </summary>
/// <param name="Reader">Who reads: only deadlines filed within their scopes; null in-process.</param>
public sealed record ListDeadlines(DateOnly? DueBefore, string? Kind, Guid? Organization, bool? Overdue, Access.Actor? Reader = null) : IQuery<IReadOnlyList<DeadlineItem>>;

/// <param name="InstanceId">The instance the deadline is of; null (and no <paramref name="InstanceState"/>) for one the registry opened (a term entered on record).</param>
public sealed record DeadlineItem(
    Guid Id, Guid? InstanceId, string Kind, string KindName, DateOnly DueDate, bool Overdue, int DaysLeft,
    string SubjectKind, Guid SubjectId, string SubjectName, Guid OrganizationId, string OrganizationName, string? InstanceState);

public sealed class ListDeadlinesHandler(PartyWorkflowDbContext db, WorkflowCatalog catalog, Clock clock, Subjects.SubjectKinds kinds) : IQueryHandler<ListDeadlines, IReadOnlyList<DeadlineItem>>
{
    private const int Limit = 2000;

    public async ValueTask<IReadOnlyList<DeadlineItem>> Handle(ListDeadlines query, CancellationToken ct)
    {
        var today = clock.Today;
        var branches = query.Organization is { } root ? await OrganizationSubtree.IdsAsync(db, root, ct) : null;
        var allowed = await Access.ReadScope.OrganizationsAsync(db, query.Reader, ct);
        if (branches is [] || (query.Organization is { } asked && !Access.ReadScope.Covers(allowed, asked)))
            throw new NotFoundException("party organization", query.Organization.ToString()!);

        var rows = await db.Deadlines.AsNoTracking()
            .Where(d => d.IsOpen)
            .Where(d => query.DueBefore == null || d.DueDate <= query.DueBefore)
            .Where(d => query.Kind == null || d.Kind == query.Kind)
            .Where(d => branches == null || branches.Contains(d.OrganizationId))
            .Where(d => allowed == null || allowed.Contains(d.OrganizationId))
            .Where(d => query.Overdue == null || (query.Overdue == true ? d.DueDate < today : d.DueDate >= today))
            .OrderBy(d => d.DueDate).Take(Limit)
            .GroupJoin(db.Instances, d => d.InstanceId, i => i.Id, (d, i) => new { Deadline = d, Instances = i })
            .SelectMany(x => x.Instances.DefaultIfEmpty(), (x, i) => new { x.Deadline, Name = i == null ? null : i.SubjectName, State = i == null ? null : i.State })
            .ToListAsync(ct);
        // A deadline the registry opened has no instance to name its subject: the subject kind does.
        var subjects = await kinds.ContactsAsync(rows.Where(x => x.Name is null).Select(x => (x.Deadline.SubjectKind, x.Deadline.SubjectId)), ct);
        var names = await OrganizationSubtree.NamesAsync(db, rows.Select(x => x.Deadline.OrganizationId), ct);
        return rows.Select(x => new DeadlineItem(
            x.Deadline.Id, x.Deadline.InstanceId, x.Deadline.Kind,
            catalog.DeadlineKind(x.Deadline.DefinitionId, x.Deadline.DefinitionVersion, x.Deadline.Kind)?.Name.Zh ?? x.Deadline.Kind,
            x.Deadline.DueDate, x.Deadline.DueDate < today, x.Deadline.DueDate.DayNumber - today.DayNumber,
            x.Deadline.SubjectKind, x.Deadline.SubjectId,
            x.Name ?? subjects.GetValueOrDefault((x.Deadline.SubjectKind, x.Deadline.SubjectId))?.Name ?? "", x.Deadline.OrganizationId, names.GetValueOrDefault(x.Deadline.OrganizationId, ""), x.State)).ToList();
    }
}
