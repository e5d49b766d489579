using Mediator;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Common;

/// <summary>
/// One transaction per command: state, history, deadlines and the idempotency record commit
/// together or not at all. Queries pass through untouched.
/// </summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(PartyWorkflowDbContext db) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, ICommand<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // A failure aborts the whole command, never part of it: the savepoints EF would put before
        // each further SaveChanges (a round trip each) are never rolled back to.
        db.Database.AutoSavepointsEnabled = false;
        var response = await next(message, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return response;
    }
}
