namespace PartyWorkflow.Persistence.Entities;

/// <summary>
/// A non-public enterprise or a social organization (a "two types" unit), as the survey (摸排)
/// recorded it. The member counts here are the survey's; the registry's own are counted from the
/// people linked to the unit.
/// </summary>
public sealed class Unit
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    /// <summary><c>non-public-enterprise</c> or <c>social-organization</c>.</summary>
    public required string Type { get; set; }
    /// <summary>Unified social credit code, normalized; unique.</summary>
    public required string CreditCode { get; set; }
    /// <summary>A code of <c>reference/counties.json</c>.</summary>
    public required string CountyCode { get; set; }
    /// <summary>A code of <c>reference/industries.json</c>.</summary>
    public string? IndustryCode { get; set; }
    public string? Address { get; set; }
    public bool HasFixedPremises { get; set; }
    public int? Employees { get; set; }
    public int SurveyFullMembers { get; set; }
    public int SurveyProbationaryMembers { get; set; }
    /// <summary>Whether the legal representative or investor (出资人) is a party member.</summary>
    public bool? LeaderIsMember { get; set; }
    /// <summary>The survey's answer: willing to set up a party organization.</summary>
    public bool? WillingToEstablish { get; set; }
    public string? Suggestions { get; set; }
    public DateOnly? FoundedOn { get; set; }
    /// <summary>Closed or deregistered: from this date the unit no longer counts.</summary>
    public DateOnly? ClosedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }
}
