using Mediator;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Common;

/// <summary>
/// One transaction per command: state, history, deadlines and the idempotency record commit
/// together or not at all. Queries pass through untouched.
/// </summary>
/// <remarks>
/// A <see cref="IWritesOnce"/> command (an action, a start) reads before any transaction and stages
/// its writes; they are saved here in one batch inside the transaction SaveChanges opens, so BEGIN
/// travels with the batch and the whole command is read, write, COMMIT. At READ COMMITTED a read
/// inside the transaction would protect nothing more: the instance's version guards the write
/// (ADR 0006). Every other command runs inside a transaction opened before it.
/// </remarks>
public sealed class TransactionBehaviour<TMessage, TResponse>(PartyWorkflowDbContext db) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, ICommand<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IWritesOnce)
        {
            var staged = await next(message, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return staged;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // A failure aborts the whole command, never part of it: the savepoints EF would put before
        // each further SaveChanges (a round trip each) are never rolled back to.
        db.Database.AutoSavepointsEnabled = false;
        var response = await next(message, cancellationToken);
        // What the handler and the idempotency behaviour staged goes in one write batch.
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return response;
    }
}

/// <summary>
/// A command whose handler only reads (in one batch) and stages its writes, never saving itself:
/// the transaction behaviour saves them once, in one transaction (the hot path: read, write, COMMIT).
/// </summary>
public interface IWritesOnce;
