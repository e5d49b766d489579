using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Audit;

namespace PartyWorkflow.Application.Audit;

/// <summary>
/// Recomputes every chain, history per instance and audit per day, and reports each row that was
/// altered, removed or put out of order, and each head that no longer matches its chain (the newest
/// rows removed). Reads a page at a time: a large database is never loaded whole.
/// </summary>
public static class AuditVerifier
{
    public sealed record Report(int Instances, long HistoryRows, int Streams, long AuditRows, IReadOnlyList<string> Problems)
    {
        public bool IsIntact => Problems.Count == 0;
    }

    private const int Page = 500;

    public static async Task<Report> VerifyAsync(PartyWorkflowDbContext db, CancellationToken ct = default)
    {
        // One snapshot for every read: an action committed meanwhile is neither half seen nor taken for tampering.
        await using var snapshot = await SnapshotAsync(db, ct);
        var problems = new List<string>();
        var (instances, historyRows) = await VerifyHistoryAsync(db, problems, ct);
        var (streams, auditRows) = await VerifyAuditAsync(db, problems, ct);
        return new Report(instances, historyRows, streams, auditRows, problems);
    }

    /// <summary>PostgreSQL's repeatable read; on SQLite a deferred read transaction (in WAL mode, a snapshot that blocks no writer).</summary>
    private static async Task<IAsyncDisposable> SnapshotAsync(PartyWorkflowDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await db.Database.OpenConnectionAsync(ct);
        var transaction = ((Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(transaction, ct);
        return transaction;
    }

    private static async Task<(int, long)> VerifyHistoryAsync(PartyWorkflowDbContext db, List<string> problems, CancellationToken ct)
    {
        var instances = 0;
        long rows = 0;
        while (true)
        {
            var page = await db.Instances.AsNoTracking().OrderBy(i => i.Id)
                .Select(i => new { i.Id, i.Version, i.HistoryHead }).Skip(instances).Take(Page).ToListAsync(ct);
            if (page.Count == 0) break;
            var ids = page.Select(i => i.Id).ToList();
            var history = (await db.History.AsNoTracking().Where(h => ids.Contains(h.InstanceId)).ToListAsync(ct)).ToLookup(h => h.InstanceId);
            foreach (var instance in page)
            {
                instances++;
                var chain = "";
                var expected = 1;
                foreach (var row in history[instance.Id].OrderBy(h => h.Sequence))
                {
                    rows++;
                    var where = $"history of instance {instance.Id}, row {row.Sequence}";
                    if (row.Sequence != expected) problems.Add($"{where}: {(row.Sequence > expected ? $"row(s) {expected}–{row.Sequence - 1} removed" : "out of order")}");
                    var hash = HashChain.Of(row, chain);
                    if (hash != row.Hash) problems.Add($"{where}: altered (its hash does not match its content and the row before it)");
                    chain = row.Hash;
                    expected = row.Sequence + 1;
                }
                if ((instance.HistoryHead ?? "") != chain || expected - 1 != instance.Version)
                    problems.Add($"history of instance {instance.Id}: the chain ends at row {expected - 1}, the instance is at version {instance.Version} (newest row(s) removed or the head altered)");
            }
        }
        var orphans = await db.History.AsNoTracking().Where(h => !db.Instances.Any(i => i.Id == h.InstanceId)).Select(h => h.InstanceId).Distinct().ToListAsync(ct);
        foreach (var instance in orphans) problems.Add($"history of instance {instance}: rows without their instance (the instance removed)");
        return (instances, rows);
    }

    private static async Task<(int, long)> VerifyAuditAsync(PartyWorkflowDbContext db, List<string> problems, CancellationToken ct)
    {
        var heads = await db.AuditHeads.AsNoTracking().OrderBy(h => h.Stream).ToListAsync(ct);
        long rows = 0;
        // A day starts from the previous day's head when it began: a row the previous day took a moment
        // later (an append that was under way at midnight) extends that day's chain after the link.
        var previousLinks = new HashSet<string> { "" };
        foreach (var head in heads)
        {
            if (!previousLinks.Contains(head.StartHash))
                problems.Add($"audit {head.Stream}: starts from a hash that is not in the previous day's chain (a day removed or a head altered)");
            var links = new HashSet<string> { head.StartHash };
            var chain = head.StartHash;
            long expected = 1;
            long? after = null;
            while (true)
            {
                var page = await db.AuditEvents.AsNoTracking().Where(e => e.Stream == head.Stream && (after == null || e.Sequence > after))
                    .OrderBy(e => e.Sequence).Take(Page).ToListAsync(ct);
                if (page.Count == 0) break;
                after = page[^1].Sequence;
                foreach (var row in page)
                {
                    rows++;
                    var where = $"audit {head.Stream}, row {row.Sequence}";
                    if (row.Sequence != expected) problems.Add($"{where}: row(s) {expected}–{row.Sequence - 1} removed");
                    if (HashChain.Of(row, chain) != row.Hash) problems.Add($"{where}: altered (its hash does not match its content and the row before it)");
                    chain = row.Hash;
                    links.Add(row.Hash);
                    expected = row.Sequence + 1;
                }
            }
            if (expected - 1 != head.Sequence || chain != head.Hash)
                problems.Add($"audit {head.Stream}: the chain ends at row {expected - 1}, its head says {head.Sequence} (newest row(s) removed or the head altered)");
            previousLinks = links;
        }
        var orphans = await db.AuditEvents.AsNoTracking().Select(e => e.Stream).Distinct().Where(s => !db.AuditHeads.Any(h => h.Stream == s)).ToListAsync(ct);
        foreach (var stream in orphans) problems.Add($"audit {stream}: rows without a head (the head removed)");
        return (heads.Count, rows);
    }
}
