using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Units;

/// <summary>A unit's registered members and today's coverage, for its view; a query each, never a table load.</summary>
public sealed class UnitCounts(PartyWorkflowDbContext db, Clock clock)
{
    public async Task<UnitView> ViewAsync(Unit unit, CancellationToken ct)
    {
        var members = await db.People.AsNoTracking().Where(p => p.UnitId == unit.Id && p.Membership != "none")
            .GroupBy(p => p.Membership).Select(g => new { Membership = g.Key, Count = g.Count() }).ToListAsync(ct);
        var today = clock.Today;
        var coverage = await db.UnitCoverage.AsNoTracking()
            .Where(c => c.UnitId == unit.Id && c.From <= today && (c.To == null || c.To > today)).FirstOrDefaultAsync(ct);
        return UnitView.From(unit,
            members.Where(m => m.Membership == "full").Sum(m => m.Count),
            members.Where(m => m.Membership == "probationary").Sum(m => m.Count),
            coverage);
    }
}
