using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Audit;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Audit;

/// <summary>What an audit row says: what kind of event, on what, with what outcome, by whom, from where.</summary>
public sealed record AuditEntry(string Kind, string Target, string Outcome, Guid? UserId, string? UserName, string? Address);

/// <summary>
/// Appends to the audit trail, in a transaction of its own: a refused request's own transaction has
/// rolled back, and its refusal is recorded all the same. Rows are chained per day (UTC); each day's
/// chain starts from the previous day's head. Writers of one day take turns on its head row (a row
/// lock on PostgreSQL, the single writer on SQLite): audited events are sign-ins, administration,
/// exports, imports and refusals, never the hot path of accepted actions, whose record is the
/// instance's own chained history.
/// </summary>
public sealed class AuditTrail(IServiceScopeFactory scopes, Clock clock)
{
    public async Task AppendAsync(AuditEntry entry, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PartyWorkflowDbContext>();
            try
            {
                await AppendOnceAsync(db, entry, ct);
                return;
            }
            // Another process opened the day's head at the same moment: the next attempt finds it.
            catch (DbUpdateException) when (attempt < 3)
            {
            }
        }
    }

    private async Task AppendOnceAsync(PartyWorkflowDbContext db, AuditEntry entry, CancellationToken ct)
    {
        var now = clock.Now;
        var stream = StreamOf(now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Nothing is rolled back to part-way: no savepoint round trips around the save.
        db.Database.AutoSavepointsEnabled = false;
        var head = db.Database.IsNpgsql()
            ? (await db.AuditHeads.FromSqlInterpolated($"SELECT * FROM audit_heads WHERE \"Stream\" = {stream} FOR UPDATE").ToListAsync(ct)).SingleOrDefault()
            : await db.AuditHeads.SingleOrDefaultAsync(h => h.Stream == stream, ct);
        if (head is null)
        {
            var previous = await db.AuditHeads.Where(h => string.Compare(h.Stream, stream) < 0)
                .OrderByDescending(h => h.Stream).Select(h => h.Hash).FirstOrDefaultAsync(ct) ?? "";
            head = new AuditHead { Stream = stream, StartHash = previous, Hash = previous };
            db.AuditHeads.Add(head);
        }
        var row = new AuditEvent
        {
            Id = Guid.CreateVersion7(),
            Stream = stream,
            Sequence = head.Sequence + 1,
            At = HashChain.Stored(now),
            UserId = entry.UserId,
            UserName = Cut(entry.UserName, 256),
            Address = Cut(entry.Address, 64),
            Kind = entry.Kind,
            Target = Cut(entry.Target, 300)!,
            Outcome = Cut(entry.Outcome, 300)!,
        };
        row.Hash = HashChain.Of(row, head.Hash);
        head.Sequence = row.Sequence;
        head.Hash = row.Hash;
        db.AuditEvents.Add(row);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public static string StreamOf(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string? Cut(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
