using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>Everything a rule may look at: the instance, the action's facts, the registry rows and today.</summary>
public sealed record RuleContext
{
    public required StepDefinition Step { get; init; }
    public required RuleReference Reference { get; init; }
    public required InstanceSnapshot Instance { get; init; }
    /// <summary>The action's facts; empty when previewing a next action.</summary>
    public required JsonObject Facts { get; init; }
    public required RegistrySnapshot Registry { get; init; }
    public required DateOnly Today { get; init; }
    /// <summary>The definition the step belongs to (its checklists, say); rules read it, never change it.</summary>
    public WorkflowDefinition? Definition { get; init; }

    public JsonObject Parameters => Reference.Parameters;

    /// <summary>The date of the action being taken, from the step's date fact.</summary>
    public DateOnly? ActionDate => FactReader.Date(Facts, Step.DateFact);

    /// <summary>The rule's contract: where parameters the definition leaves out take their defaults from.</summary>
    public RuleContract Contract { get; init; } = RuleContract.None;

    /// <summary>A parameter's value: the definition's, else the contract's default.</summary>
    public JsonNode? Parameter(string name) => Parameters[name] ?? Contract.Parameter(name)?.Default;

    public int IntParameter(string name) =>
        Parameter(name) is JsonValue v && v.TryGetValue<int>(out var i) ? i : throw MissingDefault(name);

    public string StringParameter(string name) =>
        Parameter(name) is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw MissingDefault(name);

    private InvalidOperationException MissingDefault(string name) =>
        new($"rule '{Reference.Id}' has no value for parameter '{name}': its contract needs a default, or the definition a value");
}
