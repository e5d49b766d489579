using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Persistence;
using Quartz;

namespace PartyWorkflow.Application.Common;

/// <summary>
/// Deletes idempotency records older than their retention (24 hours by default), so the table holds
/// a day of keys, not every key ever sent. A retry after that is a new request.
/// </summary>
public sealed class IdempotencyPruner(PartyWorkflowDbContext db, Clock clock, PartyWorkflowOptions options)
{
    public Task<int> PruneAsync(CancellationToken ct = default)
    {
        var cutoff = clock.Now.AddHours(-Math.Max(1, options.IdempotencyRetentionHours));
        return db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
    }
}

public sealed class IdempotencyPruneJob(IdempotencyPruner pruner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await pruner.PruneAsync(cancellationToken);
}
