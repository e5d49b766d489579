using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Effects;

/// <summary>The effect handlers registered, by effect id.</summary>
public sealed class EffectHandlers(IEnumerable<IEffectHandler> handlers)
{
    private readonly Dictionary<string, IEffectHandler> byId = handlers.ToDictionary(h => h.Id);

    /// <summary>
    /// Each effect's <see cref="IEffectHandler.Prefetch"/> for an action, guarded by the definitions
    /// that give the action that effect (the instance's definition is not known before the read).
    /// </summary>
    public void Prefetch(ReadBatch batch, IReadOnlyDictionary<string, IReadOnlySet<string>> definitionsByEffect, string instanceIdSql, string subjectIdSql)
    {
        foreach (var (effectId, definitions) in definitionsByEffect)
        {
            if (!byId.TryGetValue(effectId, out var handler)) continue;
            var onlyIf = $"EXISTS (SELECT 1 FROM {batch.Table<WorkflowInstance>()} WHERE {batch.Column<WorkflowInstance>(nameof(WorkflowInstance.Id))} = ({instanceIdSql}) "
                         + $"AND {batch.Column<WorkflowInstance>(nameof(WorkflowInstance.DefinitionId))} IN ({batch.Parameters(definitions)}))";
            handler.Prefetch(batch, new EffectReads(instanceIdSql, subjectIdSql, onlyIf));
        }
    }

    public async Task ApplyAsync(EffectContext context, CancellationToken ct)
    {
        // The definitions were checked against the registered effect ids at start-up.
        var handler = byId.GetValueOrDefault(context.Effect.Id)
                      ?? throw new InvalidOperationException($"no handler for the effect '{context.Effect.Id}'");
        await handler.ApplyAsync(context, ct);
    }
}
