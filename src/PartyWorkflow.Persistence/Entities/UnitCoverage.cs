namespace PartyWorkflow.Persistence.Entities;

/// <summary>
/// A party organization covers a unit from a date until another (exclusive; open when null). A unit
/// is covered by at most one organization on a date. Rows are never deleted: ending coverage sets
/// <see cref="To"/>, so a report for any past date is reproducible.
/// </summary>
public sealed class UnitCoverage
{
    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public Guid OrganizationId { get; set; }
    /// <summary><c>standalone</c>, <c>joint</c>, <c>affiliated</c> or <c>functional</c>.</summary>
    public required string Mode { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
