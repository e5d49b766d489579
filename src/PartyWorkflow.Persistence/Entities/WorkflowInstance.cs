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
    public Guid PersonId { get; set; }
    public Guid BranchId { get; set; }
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
}
