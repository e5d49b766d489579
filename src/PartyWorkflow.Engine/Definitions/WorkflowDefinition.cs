using System.Text.Json.Serialization;

namespace PartyWorkflow.Engine.Definitions;

/// <summary>
/// A workflow as the JSON files under <c>workflows/</c> describe it. Ids are kebab-case and form a
/// public contract: step ids are the action names of the API, rule ids are what a refusal names.
/// </summary>
public sealed record WorkflowDefinition
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }
    public required string DefinitionId { get; init; }
    public required int Version { get; init; }
    public required bool IsPublished { get; init; }
    public required LocalizedText Name { get; init; }
    public required SubjectDefinition Subject { get; init; }
    public IReadOnlyList<EndStateDefinition> EndStates { get; init; } = [];
    /// <summary>Rules evaluated on every action of this workflow (for example <c>date-order</c>).</summary>
    public IReadOnlyList<RuleReference> Rules { get; init; } = [];
    public required IReadOnlyList<StageDefinition> Stages { get; init; }
    /// <summary>Actions outside the step sequence, such as <c>withdraw</c> and <c>transfer</c>.</summary>
    public IReadOnlyList<StepDefinition> SideActions { get; init; } = [];
    public IReadOnlyList<DeadlineKindDefinition> Deadlines { get; init; } = [];
    /// <summary>The roles reminders name (<c>member</c>, <c>branch</c>…), each relative to the subject or the filing organization.</summary>
    public IReadOnlyDictionary<string, RecipientDefinition> Recipients { get; init; } = new Dictionary<string, RecipientDefinition>();
    public ReminderTextDefinition ReminderText { get; init; } = ReminderTextDefinition.Default;
    /// <summary>Checklists of documents, shown on each instance and required by <c>materials-complete</c>.</summary>
    public IReadOnlyList<MaterialsDefinition> Materials { get; init; } = [];

    [JsonIgnore]
    public IEnumerable<StepDefinition> Steps => Stages.SelectMany(s => s.Steps);
}

public sealed record EndStateDefinition(string Id, LocalizedText Name);

public sealed record StageDefinition
{
    public required string Id { get; init; }
    public required LocalizedText Name { get; init; }
    public required IReadOnlyList<StepDefinition> Steps { get; init; }
}
