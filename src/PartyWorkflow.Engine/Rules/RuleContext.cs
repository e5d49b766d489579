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

    public JsonObject Parameters => Reference.Parameters;

    /// <summary>The date of the action being taken, from the step's date fact.</summary>
    public DateOnly? ActionDate => FactReader.Date(Facts, Step.DateFact);

    public int IntParameter(string name, int fallback) =>
        Parameters[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i : fallback;

    public string StringParameter(string name, string fallback) =>
        Parameters[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : fallback;
}
