using System.Text.Json.Nodes;

namespace PartyWorkflow.Application.Instances;

/// <summary>What a branch or committee sees of one process.</summary>
public sealed record InstanceView
{
    public required Guid Id { get; init; }
    public required string DefinitionId { get; init; }
    public required int DefinitionVersion { get; init; }
    /// <summary>The jurisdiction overlay (local rules) the instance follows, if any, and its version.</summary>
    public string? JurisdictionId { get; init; }
    public int? OverlayVersion { get; init; }
    public required int Version { get; init; }
    /// <summary>What the instance is about: <c>person</c> for member development.</summary>
    public required string SubjectKind { get; init; }
    public required Guid SubjectId { get; init; }
    public required string SubjectName { get; init; }
    /// <summary>The organization the instance is filed under (the branch, the work committee).</summary>
    public required Guid OrganizationId { get; init; }
    /// <summary>The roles the permitted steps wait for.</summary>
    public IReadOnlyList<string> AwaitedRoles { get; init; } = [];
    public required string State { get; init; }
    public string? Stage { get; init; }
    /// <summary>The last step completed; null once the process has reached an end state.</summary>
    public string? Step { get; init; }
    public string? EndState { get; init; }
    public bool IsOpen { get; init; }
    public IReadOnlyDictionary<string, DateOnly> ComputedDates { get; init; } = new Dictionary<string, DateOnly>();
    public JsonObject Facts { get; init; } = [];
    public IReadOnlyList<string> Documents { get; init; } = [];
    /// <summary>Every document the workflow puts on file, and what each of the definition's checklists still lacks.</summary>
    public MaterialsView Materials { get; init; } = new([], []);
    public IReadOnlyList<NextActionView> PermittedActions { get; init; } = [];
    public IReadOnlyList<DeadlineView> OpenDeadlines { get; init; } = [];
    public IReadOnlyList<HistoryView> History { get; init; } = [];
    /// <summary>Warnings of the action that created the instance (on the 201 answer only).</summary>
    public IReadOnlyList<RuleMessageView> Warnings { get; init; } = [];
}

/// <summary>A permitted action: who may take it, the rules on stored facts it still fails, and the JSON Schema of its body (for forms).</summary>
public sealed record NextActionView(string ActionId, LocalizedMessage Name, IReadOnlyList<string> Actors, IReadOnlyList<RuleMessageView> FailingRules, DateOnly? EarliestDate, JsonObject Schema);

public sealed record MaterialsView(IReadOnlyList<MaterialView> Checklist, IReadOnlyList<RequiredMaterialsView> Required);

/// <summary>A checklist of the definition (<c>admission</c>: what admission needs) and the documents it still lacks.</summary>
public sealed record RequiredMaterialsView(string Id, LocalizedMessage Name, IReadOnlyList<string> Missing);

public sealed record MaterialView(string DocumentId, string Step, bool OnFile);

public sealed record DeadlineView(string Kind, LocalizedMessage Name, DateOnly DueDate, bool Overdue);

public sealed record HistoryView(
    int Sequence, DateTimeOffset RecordedAt, Guid ActorId, string ActorRole, string ActionId,
    string FromState, string ToState, string Outcome, DateOnly ActionDate, Guid OrganizationId,
    int DefinitionVersion, JsonObject Facts, IReadOnlyList<string> Warnings);
