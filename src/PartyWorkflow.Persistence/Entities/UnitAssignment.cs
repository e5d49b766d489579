namespace PartyWorkflow.Persistence.Entities;

/// <summary>
/// A party-building instructor (党建指导员) or first secretary (第一书记) dispatched to a unit for a
/// period (to is exclusive; open when null): the party's work covers the unit meanwhile.
/// </summary>
public sealed class UnitAssignment
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Guid UnitId { get; set; }
    /// <summary><c>instructor</c> or <c>first-secretary</c>.</summary>
    public required string Role { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
