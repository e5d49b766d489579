using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Effects;

/// <summary>
/// Applies one effect a definition names (<see cref="Id"/>) in the action's transaction: it may read
/// and change registry rows through the DbContext, but it saves nothing itself; the command saves
/// once. A new workflow adds its effects by registering handlers: <c>services.AddEffect&lt;T&gt;()</c>.
/// </summary>
public interface IEffectHandler
{
    string Id { get; }

    /// <summary>
    /// Adds the rows <see cref="ApplyAsync"/> will read to the action's one read, so that an effect
    /// costs no round trip of its own. Called before the instance is known, for every action whose id
    /// some definition gives this effect: each statement must be guarded by <see cref="EffectReads.OnlyIfSql"/>.
    /// A handler keeps what it added (it is scoped to the request) and reads it back in <see cref="ApplyAsync"/>,
    /// querying instead when nothing was prefetched.
    /// </summary>
    void Prefetch(ReadBatch batch, EffectReads reads) { }

    Task ApplyAsync(EffectContext context, CancellationToken ct);
}

/// <summary>SQL for an effect's prefetch: the instance's and its subject's ids, and the condition that the instance's definition has the effect on this action.</summary>
public sealed record EffectReads(string InstanceIdSql, string SubjectIdSql, string OnlyIfSql);

/// <summary>Everything an effect may look at: the instance row (changes to it are saved), the decision and its facts.</summary>
public sealed record EffectContext
{
    public required CompiledWorkflow Workflow { get; init; }
    public required WorkflowInstance Instance { get; init; }
    /// <summary>The instance's computed dates after the action (the end of probation, say).</summary>
    public required IReadOnlyDictionary<string, DateOnly> Dates { get; init; }
    public required Accepted Accepted { get; init; }
    public required EffectDefinition Effect { get; init; }
    /// <summary>The action's facts as sent, personal data included: effects that register people need them.</summary>
    public required JsonObject Facts { get; init; }
    public required Guid ActorId { get; init; }

    public JsonObject Parameters => Effect.Parameters;
}
