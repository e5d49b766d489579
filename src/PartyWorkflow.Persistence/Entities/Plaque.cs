namespace PartyWorkflow.Persistence.Entities;

/// <summary>
/// The plaque of an organization's activity room (党员活动室挂牌): <c>fixed</c> where the unit has
/// fixed premises, else <c>mobile</c> (移动式牌匾), hung on a date. A plaque moved or replaced is a
/// new row; the newest is the one on the wall.
/// </summary>
public sealed class Plaque
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    /// <summary>The unit whose premises it hangs in.</summary>
    public Guid? UnitId { get; set; }
    public required string Kind { get; set; }
    public DateOnly HungOn { get; set; }
    public string? Location { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>One item of the welcome package (四送四赠) delivered to a new organization; one row per item.</summary>
public sealed class WelcomePackageItem
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    /// <summary>An id of <c>WelcomePackage.Items</c>: party-flag, plaque, seal, materials; badge, constitution, pen, notebook.</summary>
    public required string Item { get; set; }
    public DateOnly DeliveredOn { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
