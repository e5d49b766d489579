using System.Text.Json;
using Mediator;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Common;

/// <summary>
/// For every command with an <c>Idempotency-Key</c>: a repeated request gets the first response and
/// changes nothing; the same key with another request is refused. It runs inside the command's
/// transaction, so the response is remembered exactly when the command's writes commit.
/// </summary>
public sealed class IdempotencyBehaviour<TMessage, TResponse>(IdempotencyStore store, PartyWorkflowDbContext db) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, ICommand<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IIdempotent { IdempotencyKey: { } key } idempotent) return await next(message, cancellationToken);

        var hash = IdempotencyStore.Hash(JsonSerializer.Serialize(message, message.GetType(), JsonDefaults.Options));
        var (found, earlier) = await store.FindAsync<TResponse>(idempotent.IdempotencyScope, key, hash, cancellationToken);
        if (found) return earlier!;

        var response = await next(message, cancellationToken);
        store.Remember(idempotent.IdempotencyScope, key, hash, response);
        await db.SaveChangesAsync(cancellationToken);
        return response;
    }
}
