using System.Text.Json;
using Mediator;

namespace PartyWorkflow.Application.Common;

/// <summary>
/// For every command with an <c>Idempotency-Key</c>: a repeated request gets the first response and
/// changes nothing; the same key with another request is refused. It runs inside the command's
/// transaction, so the response is remembered exactly when the command's writes commit: the
/// transaction behaviour saves the record with them, in the same write.
/// </summary>
public sealed class IdempotencyBehaviour<TMessage, TResponse>(IdempotencyStore store) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, ICommand<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IIdempotent { IdempotencyKey: { } key } idempotent) return await next(message, cancellationToken);

        IdempotencyStore.CheckKey(key);
        var hash = IdempotencyStore.Hash(JsonSerializer.Serialize(message, message.GetType(), JsonDefaults.Options));
        if (idempotent.HandlerReadsIdempotencyRecord) store.Defer(idempotent.IdempotencyScope, key, hash);
        else if (await store.FindAsync<TResponse>(idempotent.IdempotencyScope, key, hash, cancellationToken) is (true, var earlier)) return earlier!;

        var response = await next(message, cancellationToken);
        if (!store.Replayed) store.Remember(idempotent.IdempotencyScope, key, hash, response);
        return response;
    }
}
