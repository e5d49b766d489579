using Microsoft.EntityFrameworkCore;

namespace PartyWorkflow.Persistence.Audit;

/// <summary>
/// Chains the history written before the chain existed: run after the migrations, by the role that
/// owns the tables (the application's role may not update history). Instances are taken a page at a
/// time, so a large database is never loaded whole.
/// </summary>
public static class HistoryChainBackfill
{
    private const int Page = 500;

    public static async Task<int> RunAsync(PartyWorkflowDbContext db, CancellationToken ct = default)
    {
        var chained = 0;
        while (true)
        {
            var instances = await db.Instances.Where(i => i.HistoryHead == null).OrderBy(i => i.Id).Take(Page).ToListAsync(ct);
            if (instances.Count == 0) return chained;
            var ids = instances.Select(i => i.Id).ToList();
            var rows = (await db.History.Where(h => ids.Contains(h.InstanceId)).ToListAsync(ct)).ToLookup(h => h.InstanceId);
            foreach (var instance in instances)
            {
                var head = "";
                foreach (var row in rows[instance.Id].OrderBy(h => h.Sequence))
                {
                    row.Hash = HashChain.Of(row, head);
                    head = row.Hash;
                }
                instance.HistoryHead = head;
                chained++;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
