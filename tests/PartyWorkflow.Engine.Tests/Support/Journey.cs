using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Rules;

namespace PartyWorkflow.Engine.Tests.Support;

/// <summary>One instance driven purely through the engine: decide, then apply what was accepted.</summary>
internal sealed class Journey(CompiledWorkflow workflow)
{
    public static readonly DateOnly Today = new(2030, 1, 1);

    public WorkflowEngine Engine { get; } = new(RuleCatalog.Default);
    public InstanceSnapshot Instance { get; private set; } = InstanceSnapshot.New;
    public string State => Instance.State ?? CompiledWorkflow.NewState;

    public Decision Try(string actionId, string facts, string? role = null) =>
        Engine.Decide(workflow, Instance, new ActionRequest
        {
            ActionId = actionId,
            Facts = JsonObjects.Parse(facts),
            ActorId = TestRegistry.Secretary,
            ActorRole = role,
            Today = Today,
            Registry = TestRegistry.Snapshot,
        });

    public Accepted Take(string actionId, string facts, string? role = null)
    {
        var decision = Try(actionId, facts, role);
        if (decision is not Accepted accepted) throw new Xunit.Sdk.XunitException($"{actionId} was not accepted: {Describe(decision)}");
        Instance = WorkflowEngine.Apply(workflow, Instance, accepted);
        return accepted;
    }

    /// <summary>Takes the happy path's actions up to and including <paramref name="lastActionId"/>.</summary>
    public Journey Through(string lastActionId)
    {
        foreach (var (action, facts) in HappyPath.Actions)
        {
            Take(action, facts);
            if (action == lastActionId) return this;
        }
        throw new ArgumentException($"the happy path has no action '{lastActionId}'", nameof(lastActionId));
    }

    public IReadOnlyList<Accepted> ThroughTheEnd() => HappyPath.Actions.Select(a => Take(a.Action, a.Facts)).ToList();

    private static string Describe(Decision decision) => decision switch
    {
        Refused r => string.Join("; ", r.UnmetRules.Select(m => $"{m.RuleId}: {m.Message.En}")),
        InvalidFacts f => string.Join("; ", f.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")),
        _ => decision.ToString(),
    };
}
