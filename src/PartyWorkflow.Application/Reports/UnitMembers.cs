using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Reports;

/// <summary>
/// The members a unit counts for the size rules and the lists of the report: the larger of the
/// registered ones (people linked to the unit) and the survey's counts. The registry is entered bit
/// by bit (often the secretary first), so a lower registered count is no news; a survey that is out
/// of date is corrected by importing it again. Built with member initializers so that queries can
/// go on composing on it and the database does the counting.
/// </summary>
public sealed class CountedUnit
{
    public required Unit Unit { get; init; }
    public int RegisteredFull { get; init; }
    public int RegisteredProbationary { get; init; }
    public int Full { get; init; }
    public int Probationary { get; init; }
}

public static class UnitMembers
{
    /// <summary>
    /// The registered counts come from one grouped pass over the people (<see cref="UnitMemberCount"/>),
    /// left-joined to the units: correlated counts were inlined into every aggregate that used them,
    /// several times slower over 100,000 units (docs/performance.md).
    /// </summary>
    public static IQueryable<CountedUnit> Counted(this IQueryable<Unit> units, PartyWorkflowDbContext db) =>
        from u in units
        join r in db.UnitMemberCounts on u.Id equals r.UnitId into registered
        from r in registered.DefaultIfEmpty()
        let full = (int?)r!.Full ?? 0
        let probationary = (int?)r!.Probationary ?? 0
        select new CountedUnit
        {
            Unit = u,
            RegisteredFull = full,
            RegisteredProbationary = probationary,
            Full = full > u.SurveyFullMembers ? full : u.SurveyFullMembers,
            Probationary = probationary > u.SurveyProbationaryMembers ? probationary : u.SurveyProbationaryMembers,
        };
}
