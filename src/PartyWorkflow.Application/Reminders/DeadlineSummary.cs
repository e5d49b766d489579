using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Registry;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Reminders;

/// <summary>Per branch and per party committee: open, overdue and due-within-30-days deadlines.</summary>
/// <param name="Reader">Who reads: only the organizations within their scopes; null in-process.</param>
public sealed record DeadlineSummary(Guid? Organization, Access.Actor? Reader = null) : IQuery<IReadOnlyList<DeadlineSummaryRow>>;

public sealed record DeadlineSummaryRow(Guid OrganizationId, string Name, string Kind, int Open, int Overdue, int DueWithin30Days);

public sealed class DeadlineSummaryHandler(PartyWorkflowDbContext db, Clock clock) : IQueryHandler<DeadlineSummary, IReadOnlyList<DeadlineSummaryRow>>
{
    public async ValueTask<IReadOnlyList<DeadlineSummaryRow>> Handle(DeadlineSummary query, CancellationToken ct)
    {
        var today = clock.Today;
        var soon = today.AddDays(30);
        // Scoped to the organization asked for: its subtree by one recursive query, not the whole tree.
        var allowed = await Access.ReadScope.OrganizationsAsync(db, query.Reader, ct);
        var subtree = query.Organization is { } root ? await OrganizationSubtree.IdsAsync(db, root, ct) : allowed?.ToList();
        if (subtree is [] || (query.Organization is { } asked && !Access.ReadScope.Covers(allowed, asked)))
            throw new NotFoundException("party organization", query.Organization.ToString()!);
        var tree = new OrganizationTree(await db.Organizations.AsNoTracking()
            .Where(o => subtree == null || subtree.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct));
        var scope = tree.All.Keys.ToHashSet();

        var perBranch = await db.Deadlines.AsNoTracking().Where(d => d.IsOpen)
            .Where(d => subtree == null || subtree.Contains(d.OrganizationId))
            .GroupBy(d => d.OrganizationId)
            .Select(g => new { Branch = g.Key, Open = g.Count(), Overdue = g.Count(d => d.DueDate < today), Soon = g.Count(d => d.DueDate >= today && d.DueDate <= soon) })
            .ToListAsync(ct);

        // Each organization counts its own deadlines and those of every branch below it.
        return scope.Select(id =>
            {
                var below = tree.SelfAndDescendants(id);
                var rows = perBranch.Where(b => below.Contains(b.Branch)).ToList();
                return new DeadlineSummaryRow(id, tree.NameOf(id), tree.All[id].Kind, rows.Sum(r => r.Open), rows.Sum(r => r.Overdue), rows.Sum(r => r.Soon));
            })
            .Where(r => r.Open > 0)
            .OrderByDescending(r => r.Overdue).ThenBy(r => r.Name)
            .ToList();
    }
}
