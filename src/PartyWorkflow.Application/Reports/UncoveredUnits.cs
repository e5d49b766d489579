using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Reports;

/// <summary>A unit in operation that no party organization covers on the date, with what it has to start one.</summary>
public sealed record UncoveredUnit(Guid Id, string Name, string Type, string CountyCode, string? IndustryCode,
    int SurveyFullMembers, int SurveyProbationaryMembers, int RegisteredFullMembers, int RegisteredProbationaryMembers,
    int FullMembers, bool? WillingToEstablish, bool HasInstructor);

/// <summary>
/// The units to work on next: in operation, covered by no organization on the date, those with the
/// most full members first (three can stand alone). At most <see cref="MaxListed"/>; the report's
/// counts say how many there are in all, and <c>GET /api/units?covered=false</c> pages through them.
/// </summary>
public sealed class UncoveredUnits(PartyWorkflowDbContext db, string? county, string? type)
{
    public const int MaxListed = 500;

    public async Task<List<UncoveredUnit>> AsOfAsync(DateOnly date, CancellationToken ct)
    {
        var modes = CoverageFigures.CoveringModes;
        return await db.Units.AsNoTracking()
            .Where(u => (u.FoundedOn == null || u.FoundedOn <= date) && (u.ClosedOn == null || u.ClosedOn > date))
            .Where(u => county == null || u.CountyCode == county)
            .Where(u => type == null || u.Type == type)
            .Where(u => !db.UnitCoverage.Any(c => c.UnitId == u.Id && c.From <= date && (c.To == null || c.To > date) && modes.Contains(c.Mode)))
            .Counted(db)
            .OrderByDescending(x => x.Full).ThenBy(x => x.Unit.Name).ThenBy(x => x.Unit.Id)
            .Take(MaxListed)
            .Select(x => new UncoveredUnit(x.Unit.Id, x.Unit.Name, x.Unit.Type, x.Unit.CountyCode, x.Unit.IndustryCode,
                x.Unit.SurveyFullMembers, x.Unit.SurveyProbationaryMembers, x.RegisteredFull, x.RegisteredProbationary, x.Full,
                x.Unit.WillingToEstablish,
                db.UnitAssignments.Any(a => a.UnitId == x.Unit.Id && a.From <= date && (a.To == null || a.To > date))))
            .ToListAsync(ct);
    }
}
