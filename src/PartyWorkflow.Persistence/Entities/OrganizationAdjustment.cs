namespace PartyWorkflow.Persistence.Entities;

/// <summary>
/// The work committee's decision on an organization that no longer fits the size rules (调整/撤销):
/// keep (with the reason), merge into another organization, turn into a party group of another, or
/// dissolve. Appended, never changed: the history of decisions is the audit.
/// </summary>
public sealed class OrganizationAdjustment
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public DateOnly On { get; set; }
    /// <summary><c>keep</c>, <c>merge</c>, <c>party-group</c> or <c>dissolve</c>.</summary>
    public required string Decision { get; set; }
    /// <summary>The rule ids the decision answers, comma-separated.</summary>
    public string RuleIds { get; set; } = "";
    public required string Reason { get; set; }
    /// <summary>For a merge or a party group: the organization that takes the units and members in.</summary>
    public Guid? IntoId { get; set; }
    public Guid? DecidedById { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
