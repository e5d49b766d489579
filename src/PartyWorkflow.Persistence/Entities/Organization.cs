namespace PartyWorkflow.Persistence.Entities;

/// <summary>A party organization: <c>branch</c>, <c>general-branch</c> or <c>party-committee</c>.</summary>
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
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
