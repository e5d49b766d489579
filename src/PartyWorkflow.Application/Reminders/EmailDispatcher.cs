using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Reminders;

/// <summary>
/// Sends the e-mail outbox. A batch is claimed with a lease in a short transaction (rows another
/// node holds are skipped; claimed rows are not due again until the lease runs out), sent with no
/// transaction open — SMTP may take seconds, and rows stay unlocked meanwhile — and the outcome is
/// saved afterwards. A failed delivery is retried later with the same Message-ID, with a growing
/// pause, up to <see cref="SmtpOptions.MaxAttempts"/>. A crash between sending and saving sends again
/// once the lease has run out: at least once, recognizably the same message.
/// </summary>
public sealed class EmailDispatcher(PartyWorkflowDbContext db, IEmailSender sender, Clock clock, ReminderOptions options,
    ILogger<EmailDispatcher> logger)
{
    private const int BatchSize = 50;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public async Task<int> DispatchAsync(CancellationToken ct = default)
    {
        if (!options.Smtp.Enabled) return 0;
        using var activity = Common.Telemetry.Source.StartActivity("email-batch");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var sent = await DispatchBatchesAsync(ct);
        activity?.SetTag("partyworkflow.emails.sent", sent);
        // Counts only: addresses are personal data.
        logger.LogInformation("E-mail batch sent {Sent} messages in {ElapsedMs:0} ms", sent, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return sent;
    }

    private async Task<int> DispatchBatchesAsync(CancellationToken ct)
    {
        var sent = 0;
        while (true)
        {
            List<EmailMessage> batch;
            await using (var claim = await db.Database.BeginTransactionAsync(ct))
            {
                batch = await ClaimAsync(clock.Now, ct);
                foreach (var message in batch) message.NextAttemptAt = clock.Now.Add(Lease);
                await db.SaveChangesAsync(ct);
                await claim.CommitAsync(ct);
            }
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
