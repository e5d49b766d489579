namespace PartyWorkflow.Persistence.Entities;

/// <summary>
/// A party organization: <c>branch</c>, <c>general-branch</c>, <c>party-committee</c>, or the
/// <c>work-committee</c> (两新工委) of the prefecture or a county.
/// </summary>
public sealed class Organization
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public Guid? ParentId { get; set; }
    /// <summary>Whether a party committee may approve admissions (基层党委 with approval authority).</summary>
    public bool HasApprovalAuthority { get; set; }
    public string? Email { get; set; }
    /// <summary>The jurisdiction whose overlay of local rules applies; inherited from the parent when empty.</summary>
    public string? Jurisdiction { get; set; }
    /// <summary>A work committee's area (a code of <c>reference/counties.json</c>); for others, the county they sit in.</summary>
    public string? CountyCode { get; set; }
    /// <summary>How it was formed: <c>standalone</c>, <c>joint</c>, <c>affiliated</c>, <c>dispatched</c>, <c>functional</c>.</summary>
    public string? FormationMode { get; set; }
    /// <summary>Registered (成立登记): coverage and funds count from here.</summary>
    public DateOnly? EstablishedOn { get; set; }
    /// <summary>Dissolved (撤销): coverage ends on this date.</summary>
    public DateOnly? DissolvedOn { get; set; }
    /// <summary>
    /// The end of its latest elected term (null: no term on record, "term unknown"), kept with every
    /// term recorded so that rules on terms (a postponed renewal, say) read it with the organization.
    /// </summary>
    public DateOnly? TermEndsOn { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
