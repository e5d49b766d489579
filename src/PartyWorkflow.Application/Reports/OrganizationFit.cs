using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Engine.Organizations;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Reports;

/// <summary>An organization that no longer fits the size rules on the date, with every rule that fails.</summary>
public sealed record MisfitOrganization(Guid Id, string Name, string Kind, string? FormationMode, string? CountyCode,
    int Units, int FullMembers, int Members, IReadOnlyList<SizeFlag> Flags);

/// <summary>
/// The size rules against what each organization covers on a date. The database sums the members
/// per organization (one grouped query); the rules are <see cref="SizeRules"/>. Temporary
/// (functional) organizations are left out: their members keep their membership elsewhere.
/// </summary>
public sealed class OrganizationFit(PartyWorkflowDbContext db, string? county)
{
    public const int MaxListed = 1000;

    public async Task<List<MisfitOrganization>> MisfitsAsync(DateOnly date, CancellationToken ct)
    {
        var modes = CoverageFigures.CoveringModes;
        var sizes = await db.UnitCoverage.AsNoTracking()
            .Where(c => c.From <= date && (c.To == null || c.To > date) && modes.Contains(c.Mode))
            .Join(db.Units.Counted(db), c => c.UnitId, u => u.Unit.Id, (c, u) => new { c.OrganizationId, c.Mode, u.Full, u.Probationary })
            .GroupBy(x => x.OrganizationId)
            .Select(g => new
            {
                Id = g.Key,
                Units = g.Count(),
                StandaloneUnits = g.Count(x => x.Mode == "standalone"),
                StandaloneLeastFull = g.Min(x => x.Mode == "standalone" ? (int?)x.Full : null),
                JointUnits = g.Count(x => x.Mode == "joint"),
                JointMostFull = g.Max(x => x.Mode == "joint" ? (int?)x.Full : null),
                JointFull = g.Sum(x => x.Mode == "joint" ? x.Full : 0),
                Full = g.Sum(x => x.Full),
                Members = g.Sum(x => x.Full + x.Probationary),
            })
            .Join(db.Organizations.Where(o => o.FormationMode != "functional" && (o.DissolvedOn == null || o.DissolvedOn > date))
                    .Where(o => county == null || o.CountyCode == county),
                s => s.Id, o => o.Id, (s, o) => new { s, o.Name, o.Kind, o.FormationMode, o.CountyCode })
            .ToListAsync(ct);
        var misfits = sizes
            .Select(x => new MisfitOrganization(x.s.Id, x.Name, x.Kind, x.FormationMode, x.CountyCode, x.s.Units, x.s.Full, x.s.Members,
                SizeRules.Check(new OrganizationSize(x.Kind, x.s.StandaloneUnits, x.s.StandaloneLeastFull ?? 0, x.s.JointUnits,
                    x.s.JointMostFull ?? 0, x.s.JointFull, x.s.Full, x.s.Members))))
            .Where(m => m.Flags.Count > 0)
            .ToList();
        // The flags the work committee decided to keep on or before the date no longer show.
        var ids = misfits.Select(m => m.Id).ToList();
        var kept = (await db.OrganizationAdjustments.AsNoTracking()
                .Where(a => a.Decision == "keep" && a.On <= date && ids.Contains(a.OrganizationId))
                .Select(a => new { a.OrganizationId, a.RuleIds }).ToListAsync(ct))
            .ToLookup(a => a.OrganizationId, a => a.RuleIds.Split(','));
        return misfits
            .Select(m => m with { Flags = m.Flags.Where(f => !kept[m.Id].Any(rules => rules.Contains(f.RuleId))).ToList() })
            .Where(m => m.Flags.Count > 0)
            .OrderBy(m => m.CountyCode).ThenBy(m => m.Name).Take(MaxListed).ToList();
    }
}
