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
        var problems = new List<string>();
        var (instances, historyRows) = await VerifyHistoryAsync(db, problems, ct);
        var (streams, auditRows) = await VerifyAuditAsync(db, problems, ct);
        return new Report(instances, historyRows, streams, auditRows, problems);
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
        var previousHead = "";
        foreach (var head in heads)
        {
            if (head.StartHash != previousHead)
                problems.Add($"audit {head.Stream}: starts from a hash that is not the previous day's head (a day removed or a head altered)");
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
                    expected = row.Sequence + 1;
                }
            }
            if (expected - 1 != head.Sequence || chain != head.Hash)
                problems.Add($"audit {head.Stream}: the chain ends at row {expected - 1}, its head says {head.Sequence} (newest row(s) removed or the head altered)");
            previousHead = head.Hash;
        }
        var orphans = await db.AuditEvents.AsNoTracking().Select(e => e.Stream).Distinct().Where(s => !db.AuditHeads.Any(h => h.Stream == s)).ToListAsync(ct);
        foreach (var stream in orphans) problems.Add($"audit {stream}: rows without a head (the head removed)");
        return (heads.Count, rows);
    }
}
