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
    public static IQueryable<CountedUnit> Counted(this IQueryable<Unit> units, PartyWorkflowDbContext db) =>
        units.Select(u => new
            {
                Unit = u,
                RegisteredFull = db.People.Count(p => p.UnitId == u.Id && p.Membership == "full"),
                RegisteredProbationary = db.People.Count(p => p.UnitId == u.Id && p.Membership == "probationary"),
            })
            .Select(x => new CountedUnit
            {
                Unit = x.Unit,
                RegisteredFull = x.RegisteredFull,
                RegisteredProbationary = x.RegisteredProbationary,
                Full = x.RegisteredFull > x.Unit.SurveyFullMembers ? x.RegisteredFull : x.Unit.SurveyFullMembers,
                Probationary = x.RegisteredProbationary > x.Unit.SurveyProbationaryMembers ? x.RegisteredProbationary : x.Unit.SurveyProbationaryMembers,
            });
}
