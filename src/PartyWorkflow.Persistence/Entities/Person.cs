namespace PartyWorkflow.Persistence.Entities;

/// <summary>
/// A person known to the registry: an applicant on the way, or a member. Personal data (citizen
/// ID, phone) lives on this row only; history and events refer to the person by id.
/// </summary>
public sealed class Person
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Gender { get; set; }
    public string? Ethnicity { get; set; }
    /// <summary>
    /// The keyed hash (HMAC-SHA256) of the normalized citizen ID (upper-case X): unique, and what a
    /// person is found by. The ID itself is sealed (AES-GCM) and never stored in plain text.
    /// </summary>
    public string CitizenIdHash { get; set; } = "";
    public string CitizenIdSealed { get; set; } = "";
    /// <summary>The first and last four characters, for lists.</summary>
    public string CitizenIdMasked { get; set; } = "";
    public string? PhoneSealed { get; set; }
    public string? PhoneMasked { get; set; }
    public string? Email { get; set; }
    public string? Education { get; set; }
    public string? OccupationCategory { get; set; }
    /// <summary><c>none</c>, <c>probationary</c> or <c>full</c>.</summary>
    public string Membership { get; set; } = "none";
    public Guid? BranchId { get; set; }
    /// <summary>The unit (enterprise or social organization) the person works in.</summary>
    public Guid? UnitId { get; set; }
    public bool HasVotingRights { get; set; }
    /// <summary>Under 留党察看 (probation within the party as a disciplinary measure): no vote, may not sponsor.</summary>
    public bool OnDisciplinaryProbation { get; set; }
    /// <summary>The party group (党小组) within the branch.</summary>
    public string? PartyGroup { get; set; }
    public DateOnly? ProbationStart { get; set; }
    public DateOnly? ProbationEnd { get; set; }
    public DateOnly? FullMembershipDate { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }
}
