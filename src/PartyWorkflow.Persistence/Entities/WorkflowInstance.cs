namespace PartyWorkflow.Persistence.Entities;

/// <summary>
/// One running (or ended) process. It keeps the definition version it started on; <see cref="Version"/>
/// guards against two writers at once.
/// </summary>
public sealed class WorkflowInstance
{
    public Guid Id { get; set; }
    public required string DefinitionId { get; set; }
    public int DefinitionVersion { get; set; }
    /// <summary>The jurisdiction overlay the instance started with, if any; kept for its whole life.</summary>
    public string? JurisdictionId { get; set; }
    public int? OverlayVersion { get; set; }
    /// <summary>What the instance is about, as the definition declares it: <c>person</c>, <c>organization</c>…</summary>
    public required string SubjectKind { get; set; }
    public Guid SubjectId { get; set; }
    /// <summary>The subject's name when last recorded, for lists and searches without a join per subject kind.</summary>
    public string SubjectName { get; set; } = "";
    /// <summary>The organization the instance is filed under (a branch, a work committee): what lists, scopes and reminders filter on.</summary>
    public Guid OrganizationId { get; set; }
    /// <summary>
    /// The roles the permitted actions now wait for, as <c>|branch|party-committee|</c> so that "waiting
    /// for me" is a <c>LIKE</c> query; null only for rows written before it existed (filled at start-up).
    /// </summary>
    public string? AwaitedRoles { get; set; }
    /// <summary>The Stateless state: the last step completed, or an end state.</summary>
    public required string State { get; set; }
    public string? Stage { get; set; }
    public bool IsOpen { get; set; } = true;
    /// <summary>Facts by step id, as JSON (personal data removed).</summary>
    public string FactsJson { get; set; } = "{}";
    /// <summary>Computed dates by name, as JSON.</summary>
    public string DatesJson { get; set; } = "{}";
    public string DocumentsJson { get; set; } = "[]";
    public DateOnly? LastStepDate { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
    /// <summary>
    /// The hash of the newest history row: the chain's head, kept on the instance so that actions on
    /// different instances never wait for each other, and so that removing the newest row is detected.
    /// </summary>
    public string? HistoryHead { get; set; }
}
