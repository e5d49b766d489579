using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Units;

/// <summary>
/// A unit as the registry shows it: the survey's member counts beside the registered ones (people
/// linked to the unit), and the organization that covers it today, if any.
/// </summary>
public sealed record UnitView(
    Guid Id, string Name, string Type, string CreditCode, string CountyCode, string? IndustryCode, string? Address,
    bool HasFixedPremises, int? Employees, int SurveyFullMembers, int SurveyProbationaryMembers,
    bool? LeaderIsMember, bool? WillingToEstablish, string? Suggestions, DateOnly? FoundedOn, DateOnly? ClosedOn,
    int RegisteredFullMembers, int RegisteredProbationaryMembers, Guid? CoveredBy, string? CoverageMode, int Version)
{
    public static readonly string[] Types = ["non-public-enterprise", "social-organization"];

    public static UnitView From(Unit u, int registeredFull = 0, int registeredProbationary = 0, UnitCoverage? coverage = null) => new(
        u.Id, u.Name, u.Type, u.CreditCode, u.CountyCode, u.IndustryCode, u.Address, u.HasFixedPremises, u.Employees,
        u.SurveyFullMembers, u.SurveyProbationaryMembers, u.LeaderIsMember, u.WillingToEstablish, u.Suggestions, u.FoundedOn, u.ClosedOn,
        registeredFull, registeredProbationary, coverage?.OrganizationId, coverage?.Mode, u.Version);
}
