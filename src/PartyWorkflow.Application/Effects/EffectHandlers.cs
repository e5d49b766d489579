namespace PartyWorkflow.Application.Effects;

/// <summary>The effect handlers registered, by effect id.</summary>
public sealed class EffectHandlers(IEnumerable<IEffectHandler> handlers)
{
    private readonly Dictionary<string, IEffectHandler> byId = handlers.ToDictionary(h => h.Id);

    public async Task ApplyAsync(EffectContext context, CancellationToken ct)
    {
        // The definitions were checked against the registered effect ids at start-up.
        var handler = byId.GetValueOrDefault(context.Effect.Id)
                      ?? throw new InvalidOperationException($"no handler for the effect '{context.Effect.Id}'");
        await handler.ApplyAsync(context, ct);
    }
}
