namespace PartyWorkflow.Persistence.Entities;

/// <summary>
/// A simple dated record on an organization or a member, as the seed keeps them: a hardship visit
/// (困难党员慰问), a commendation (表彰), a secretary nominated as a delegate (党代表推荐). Never changed.
/// </summary>
public sealed class RegistryRecord
{
    public Guid Id { get; set; }
    /// <summary><c>hardship-visit</c>, <c>commendation</c> or <c>delegate-nomination</c>.</summary>
    public required string Kind { get; set; }
    public Guid? OrganizationId { get; set; }
    public Guid? PersonId { get; set; }
    public DateOnly On { get; set; }
    /// <summary>What: the commendation's title, the congress, the occasion of the visit.</summary>
    public required string Title { get; set; }
    /// <summary>The organization that visited, commended or nominated, by name.</summary>
    public string? By { get; set; }
    /// <summary>Money given on a visit, in yuan.</summary>
    public decimal? Amount { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
