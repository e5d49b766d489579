using System.Text.Json.Nodes;

namespace PartyWorkflow.Engine.Execution;

/// <summary>What the engine knows of an instance: its state and everything earlier steps recorded.</summary>
public sealed record InstanceSnapshot
{
    /// <summary>The current state (a step id or an end state id); null before the first step.</summary>
    public string? State { get; init; }
    /// <summary>What the instance is about (a person, an organization…), once its first step has registered it.</summary>
    public Guid? SubjectId { get; init; }
    /// <summary>The organization the instance is filed under (a branch, a work committee).</summary>
    public Guid? OrganizationId { get; init; }
    /// <summary>By step id: the facts of the latest occurrence, or an array of every occurrence for repeating steps.</summary>
    public JsonObject Facts { get; init; } = [];
    public IReadOnlyDictionary<string, DateOnly> Dates { get; init; } = new Dictionary<string, DateOnly>();
    public IReadOnlySet<string> Documents { get; init; } = new HashSet<string>();
    /// <summary>The date of the last step of the sequence taken: no later action may be dated before it.</summary>
    public DateOnly? LastStepDate { get; init; }

    public static readonly InstanceSnapshot New = new();

    public JsonObject? StepFacts(string stepId) => Facts[stepId] as JsonObject;

    public IEnumerable<JsonObject> Occurrences(string stepId) => Facts[stepId] switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject single => [single],
        _ => [],
    };

    public DateOnly? StepDate(string stepId, string field = "date") => FactReader.Date(StepFacts(stepId), field);
}
