namespace PartyWorkflow.Persistence.Entities;

/// <summary>A payment of funds to an organization: who was paid, when, how much, against which item, with what reference. Never changed.</summary>
public sealed class FundsPayment
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public DateOnly PaidOn { get; set; }
    public decimal Amount { get; set; }
    /// <summary>The policy item it pays (<c>start-up</c>, <c>activity-branch</c>…), or null for a payment on account.</summary>
    public string? Item { get; set; }
    public required string PaidTo { get; set; }
    public string? Reference { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
