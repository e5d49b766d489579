using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Reports;

/// <summary>The counting behind the coverage report, done by the database: one grouped query per date.</summary>
public sealed class CoverageCounts(PartyWorkflowDbContext db, string? county, string? type)
{
    public sealed record Group(string CountyCode, string Type, int Units, int Covered, int Standalone, int WorkCovered);

    private static readonly string[] CoveringModes = ["standalone", "joint", "affiliated"];

    public async Task<List<Group>> AsOfAsync(DateOnly date, CancellationToken ct)
    {
        var modes = CoveringModes;
        var rows = await db.Units.AsNoTracking()
            .Where(u => (u.FoundedOn == null || u.FoundedOn <= date) && (u.ClosedOn == null || u.ClosedOn > date))
            .Where(u => county == null || u.CountyCode == county)
            .Where(u => type == null || u.Type == type)
            .Select(u => new
            {
                u.CountyCode,
                u.Type,
                Covered = db.UnitCoverage.Any(c => c.UnitId == u.Id && c.From <= date && (c.To == null || c.To > date) && modes.Contains(c.Mode)),
                Standalone = db.UnitCoverage.Any(c => c.UnitId == u.Id && c.From <= date && (c.To == null || c.To > date) && c.Mode == "standalone"),
                Assigned = db.UnitAssignments.Any(a => a.UnitId == u.Id && a.From <= date && (a.To == null || a.To > date)),
            })
            .GroupBy(x => new { x.CountyCode, x.Type })
            .Select(g => new
            {
                g.Key.CountyCode,
                g.Key.Type,
                Units = g.Count(),
                Covered = g.Count(x => x.Covered),
                Standalone = g.Count(x => x.Standalone),
                WorkCovered = g.Count(x => x.Covered || x.Assigned),
            })
            .ToListAsync(ct);
        return rows.Select(r => new Group(r.CountyCode, r.Type, r.Units, r.Covered, r.Standalone, r.WorkCovered)).ToList();
    }

    /// <summary>Organizations registered in the period (both ends included), of the county asked for.</summary>
    public async Task<List<EstablishedOrganization>> EstablishedAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        (await db.Organizations.AsNoTracking()
            .Where(o => o.EstablishedOn != null && o.EstablishedOn >= from && o.EstablishedOn <= to && o.Kind != "work-committee")
            .Where(o => county == null || o.CountyCode == county)
            .OrderBy(o => o.EstablishedOn).ThenBy(o => o.Name).Take(1000)
            .ToListAsync(ct))
        .Select(o => new EstablishedOrganization(o.Id, o.Name, o.Kind, o.FormationMode, o.CountyCode, o.EstablishedOn!.Value)).ToList();
}
