namespace PartyWorkflow.Persistence.Entities;

/// <summary>
/// The registered full and probationary members of each unit that has any: a keyless query over
/// <c>people</c> (no table), so that reports left-join one grouped pass instead of counting per unit.
/// </summary>
public sealed class UnitMemberCount
{
    public Guid UnitId { get; set; }
    public int Full { get; set; }
    public int Probationary { get; set; }
}
