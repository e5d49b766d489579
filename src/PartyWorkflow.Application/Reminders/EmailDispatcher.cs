using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Reminders;

/// <summary>
/// Sends the e-mail outbox. Rows are claimed like deadlines (skipped when another node holds them);
/// a failed delivery is retried later with the same Message-ID, with a growing pause, up to
/// <see cref="SmtpOptions.MaxAttempts"/>. A crash between sending and committing sends again:
/// at least once, recognizably the same message.
/// </summary>
public sealed class EmailDispatcher(PartyWorkflowDbContext db, IEmailSender sender, Clock clock, ReminderOptions options)
{
    private const int BatchSize = 50;

    public async Task<int> DispatchAsync(CancellationToken ct = default)
    {
        if (!options.Smtp.Enabled) return 0;
        var sent = 0;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var batch = await ClaimAsync(clock.Now, ct);
            if (batch.Count == 0) break;
            var results = await sender.SendAsync(batch, ct);
            for (var i = 0; i < batch.Count; i++)
            {
                var message = batch[i];
                message.Attempts += 1;
                if (results[i].Succeeded)
                {
                    message.SentAt = clock.Now;
                    message.LastError = null;
                    sent++;
                }
                else
                {
                    var error = results[i].Error!;
                    message.LastError = error[..Math.Min(error.Length, 1000)];
                    if (results[i].Permanent) message.Attempts = options.Smtp.MaxAttempts;
                    var pause = options.Smtp.RetryAfterSeconds * Math.Pow(2, Math.Min(message.Attempts - 1, 10));
                    message.NextAttemptAt = clock.Now.AddSeconds(pause);
                }
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            if (results.Any(r => !r.Succeeded)) break;
        }
        return sent;
    }

    private async Task<List<EmailMessage>> ClaimAsync(DateTimeOffset now, CancellationToken ct)
    {
        var max = options.Smtp.MaxAttempts;
        if (db.Database.IsNpgsql())
            return await db.EmailOutbox.FromSqlInterpolated($"""
                SELECT * FROM email_outbox
                WHERE "SentAt" IS NULL AND "NextAttemptAt" <= {now} AND "Attempts" < {max}
                ORDER BY "NextAttemptAt"
                LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct);
        return await db.EmailOutbox.Where(m => m.SentAt == null && m.NextAttemptAt <= now && m.Attempts < max)
            .OrderBy(m => m.NextAttemptAt).Take(BatchSize).ToListAsync(ct);
    }
}
