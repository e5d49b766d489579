using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PartyWorkflow.Api.Tests.Performance;

/// <summary>Counts the commands EF sends and the transactions it commits, between <see cref="Reset"/> and a read.</summary>
public sealed class CommandCounter : DbCommandInterceptor, IDbTransactionInterceptor
{
    private int commands;
    private int commits;
    private int savepoints;

    public int Commands => commands;
    public int Commits => commits;
    public int Savepoints => savepoints;

    public void Reset() => (commands, commits, savepoints) = (0, 0, 0);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        Interlocked.Increment(ref commands);
        return base.ReaderExecutingAsync(command, eventData, result, ct);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Interlocked.Increment(ref commands);
        return base.NonQueryExecutingAsync(command, eventData, result, ct);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken ct = default)
    {
        Interlocked.Increment(ref commands);
        return base.ScalarExecutingAsync(command, eventData, result, ct);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Interlocked.Increment(ref commits);
        return Task.CompletedTask;
    }

    public Task CreatedSavepointAsync(DbTransaction transaction, TransactionEventData eventData, CancellationToken ct = default)
    {
        Interlocked.Increment(ref savepoints);
        return Task.CompletedTask;
    }
}
