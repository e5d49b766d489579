namespace PartyWorkflow.Persistence.Entities;

/// <summary>
/// A request to establish a party organization (组建请示): the subject of an
/// <c>organization-establishment</c> instance. Written by its first step from the request's facts;
/// the organization it leads to is set on registration.
/// </summary>
public sealed class EstablishmentRequest
{
    public Guid Id { get; set; }
    /// <summary>The name of the organization to be set up.</summary>
    public required string Name { get; set; }
    public required string Mode { get; set; }
    public required string ProposedKind { get; set; }
    public Guid WorkCommitteeId { get; set; }
    public string? CountyCode { get; set; }
    /// <summary>The units, comma-separated ids.</summary>
    public string UnitIds { get; set; } = "";
    public Guid? ProposedSecretaryId { get; set; }
    public DateOnly RequestedOn { get; set; }
    /// <summary>The organization registered from this request.</summary>
    public Guid? OrganizationId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A founding member a request lists (a registered person of one of its units): a row each, so that
/// registration finds them in the action's one read and makes them members of the new organization.
/// </summary>
public sealed class EstablishmentFoundingMember
{
    public Guid RequestId { get; set; }
    public Guid PersonId { get; set; }
}
