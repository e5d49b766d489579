namespace PartyWorkflow.Persistence.Entities;

/// <summary>
/// A term of an organization's leadership (届), from the election date: its secretary, deputy and
/// committee members. A term ends on <see cref="EndsOn"/> (election + 3 or 5 years) unless the next
/// election comes first; a secretary is in office from this term's election to the next one's.
/// </summary>
public sealed class OrganizationTerm
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public DateOnly ElectedOn { get; set; }
    public int Years { get; set; }
    public DateOnly EndsOn { get; set; }
    public Guid? SecretaryId { get; set; }
    public Guid? DeputySecretaryId { get; set; }
    /// <summary>The committee members' person ids, comma-separated (a branch of fewer than 7 full members has none).</summary>
    public string CommitteeMemberIds { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A temporary (functional) organization's secretary or member, appointed by the approval of its
/// request (no election, no term); the person's membership stays where it is.
/// </summary>
public sealed class TemporaryAppointment
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid PersonId { get; set; }
    /// <summary><c>secretary</c> or <c>member</c>.</summary>
    public required string Role { get; set; }
    public DateOnly From { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
