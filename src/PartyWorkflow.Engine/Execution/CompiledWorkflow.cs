using System.Collections.Concurrent;
using PartyWorkflow.Engine.Definitions;
using Stateless;
using Stateless.Graph;

namespace PartyWorkflow.Engine.Execution;

/// <summary>
/// A definition prepared once for fast decisions: lookups by id, the states each action is
/// allowed in, and a pool of Stateless machines over them (stages as superstates, steps as
/// substates). A machine's state lives in its holder, so pooled machines never share state
/// between threads.
/// </summary>
public sealed class CompiledWorkflow
{
    public const string NewState = "new";

    private readonly Dictionary<string, StepDefinition> actions;
    private readonly Dictionary<string, string> stageOfState = [];
    private readonly Dictionary<string, HashSet<string>> sources = [];
    /// <summary>The states in which an action is recorded without moving the instance.</summary>
    private readonly Dictionary<string, HashSet<string>> staying = [];
    private readonly ConcurrentBag<MachineHolder> pool = [];
    private readonly Dictionary<string, int> order;
    private readonly HashSet<string> sideActionIds;

    public WorkflowDefinition Definition { get; }
    public IReadOnlyList<StepDefinition> Sequence { get; }
    public IReadOnlyDictionary<string, DeadlineKindDefinition> DeadlineKinds { get; }
    public IReadOnlySet<string> EndStates { get; }

    public CompiledWorkflow(WorkflowDefinition definition)
    {
        Definition = definition;
        actions = definition.Steps.Concat(definition.SideActions).ToDictionary(s => s.Id);
        sideActionIds = definition.SideActions.Select(s => s.Id).ToHashSet();
        Sequence = definition.Steps.Where(s => !s.Repeats).ToList();
        DeadlineKinds = definition.Deadlines.ToDictionary(k => k.Kind);
        EndStates = definition.EndStates.Select(e => e.Id).ToHashSet();
        foreach (var stage in definition.Stages)
            foreach (var step in stage.Steps.Where(s => !s.Repeats))
                stageOfState[step.Id] = stage.Id;

        order = Sequence.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        for (var i = 0; i < Sequence.Count; i++)
            sources[Sequence[i].Id] = [i == 0 ? NewState : Sequence[i - 1].Id];
        foreach (var action in actions.Values)
        {
            var allowed = sources.TryGetValue(action.Id, out var existing) ? existing : sources[action.Id] = [];
            var stays = staying[action.Id] = [];
            foreach (var range in action.AllowedWhile)
                for (var i = order[range.From]; i < order[range.Until]; i++)
                {
                    allowed.Add(Sequence[i].Id);
                    if (range.Stays) stays.Add(Sequence[i].Id);
                }
        }
    }

    /// <summary>Whether an instance in <paramref name="state"/> has completed <paramref name="stepId"/> (end states have completed everything).</summary>
    public bool HasCompleted(string state, string stepId) =>
        IsEnd(state) || (order.TryGetValue(state, out var current) && order.TryGetValue(stepId, out var step) && current >= step);

    public bool TryGetAction(string actionId, out StepDefinition step) => actions.TryGetValue(actionId, out step!);

    public string? StageOf(string state) => stageOfState.GetValueOrDefault(state);

    public bool IsEnd(string state) => EndStates.Contains(state);

    /// <summary>Whether the action is a step of the sequence (not a repeating record or a side action).</summary>
    public bool IsSequenceStep(string actionId) => order.ContainsKey(actionId);

    /// <summary>The action ids the state permits, in definition order.</summary>
    public IReadOnlyList<string> PermittedActions(string state) =>
        Use(state, null, m =>
            // Guards are plain functions, so the task has completed when it returns; the sync
            // twin of this call is marked obsolete in Stateless 5.20.
            m.GetPermittedTriggersAsync().GetAwaiter().GetResult().ToList());

    /// <summary>
    /// The actors the state's permitted steps and records wait for (side actions such as withdraw are
    /// always possible and wait for no one), stored on the instance so that "my tasks" is a query.
    /// </summary>
    public IReadOnlyList<string> AwaitedRoles(string state) => IsEnd(state)
        ? []
        : PermittedActions(state).Where(a => !sideActionIds.Contains(a))
            .SelectMany(a => actions[a].Actors).Distinct().Order(StringComparer.Ordinal).ToList();

    public bool IsPermitted(string state, string actionId) => PermittedActions(state).Contains(actionId);

    /// <summary>Fires <paramref name="actionId"/> with the chosen outcome and returns the resulting state.</summary>
    public string Fire(string state, string actionId, string outcome) => Use(state, outcome, m =>
    {
        m.Fire(actionId);
        return m.State;
    });

    public string MermaidDiagram() => Use(NewState, null, m => MermaidGraph.Format(m.GetInfo()));

    private T Use<T>(string state, string? outcome, Func<StateMachine<string, string>, T> work)
    {
        var holder = pool.TryTake(out var h) ? h : new MachineHolder(this);
        try
        {
            holder.State = state;
            holder.Outcome = outcome;
            return work(holder.Machine);
        }
        finally
        {
            pool.Add(holder);
        }
    }

    private sealed class MachineHolder
    {
        public string State = NewState;
        /// <summary>The outcome being fired; null while only asking what is permitted (every outcome's guard holds).</summary>
        public string? Outcome;
        public readonly StateMachine<string, string> Machine;

        public MachineHolder(CompiledWorkflow workflow)
        {
            Machine = new StateMachine<string, string>(() => State, s => State = s);
            var d = workflow.Definition;
            foreach (var stage in d.Stages) Machine.Configure(stage.Id);
            foreach (var (state, stage) in workflow.stageOfState) Machine.Configure(state).SubstateOf(stage);

            foreach (var action in d.Steps.Concat(d.SideActions))
            {
                var isRecord = action.Repeats || d.SideActions.Contains(action);
                IReadOnlyList<OutcomeDefinition> outcomes = action.Outcomes.Count > 0 ? action.Outcomes : [new OutcomeDefinition { Id = "done" }];
                foreach (var source in workflow.sources[action.Id])
                {
                    var config = Machine.Configure(source);
                    foreach (var outcome in outcomes)
                    {
                        var id = outcome.Id;
                        Func<bool> guard = () => Outcome is null || Outcome == id;
                        var target = outcome.GoTo ?? (isRecord || workflow.staying[action.Id].Contains(source) ? null : action.Id);
                        if (target is null) config.InternalTransitionIf(action.Id, _ => guard(), _ => { }, id);
                        else if (target == source) config.PermitReentryIf(action.Id, guard, id);
                        else config.PermitIf(action.Id, target, guard, id);
                    }
                }
            }
        }
    }
}
