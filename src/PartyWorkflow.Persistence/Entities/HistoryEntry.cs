namespace PartyWorkflow.Persistence.Entities;

/// <summary>One recorded action. Append-only: never updated or deleted; people appear by id only.</summary>
public sealed class HistoryEntry
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    /// <summary>1, 2, 3… per instance; unique with the instance, so two writers cannot both append the same entry.</summary>
    public int Sequence { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid ActorId { get; set; }
    public required string ActorRole { get; set; }
    public required string ActionId { get; set; }
    public required string FromState { get; set; }
    public required string ToState { get; set; }
    public required string Outcome { get; set; }
    public DateOnly ActionDate { get; set; }
    /// <summary>The organization the instance was filed under when the action was taken.</summary>
    public Guid OrganizationId { get; set; }
    public int DefinitionVersion { get; set; }
    public string FactsJson { get; set; } = "{}";
    public string WarningsJson { get; set; } = "[]";
    /// <summary>The signed-in user who acted (the actor is the person they are); null for rows written before sign-in existed.</summary>
    public Guid? UserId { get; set; }
    /// <summary>Where the request came from (the client's address), for the audit trail; never shown in instance views.</summary>
    public string? Address { get; set; }
    /// <summary>
    /// SHA-256 of the previous row's hash and this row's content (<see cref="Audit.HashChain"/>): altering,
    /// removing or reordering a row breaks the chain, whose head is <see cref="WorkflowInstance.HistoryHead"/>.
    /// </summary>
    public string Hash { get; set; } = "";
}
