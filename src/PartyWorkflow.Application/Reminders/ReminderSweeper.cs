using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Registry;
using PartyWorkflow.Application.Subjects;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Engine.Reminders;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Reminders;

/// <summary>
/// Writes every reminder that has fallen due, exactly once. Each batch claims due deadlines inside
/// its transaction (<c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL, so two processes never take the same
/// row), writes their reminders and e-mail outbox rows, moves the deadlines' <c>RemindedThrough</c>
/// forward and commits. A crash rolls the batch back whole; the next sweep, here or on another node,
/// does it again. After downtime the next sweep catches up on every day missed.
/// </summary>
public sealed class ReminderSweeper(PartyWorkflowDbContext db, WorkflowCatalog catalog, SubjectKinds kinds, Clock clock, ReminderOptions options,
    ILogger<ReminderSweeper> logger)
{
    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        using var activity = Common.Telemetry.Source.StartActivity("reminder-sweep");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var written = await SweepBatchesAsync(ct);
        activity?.SetTag("partyworkflow.reminders.written", written);
        logger.LogInformation("Reminder sweep wrote {Written} reminders in {ElapsedMs:0} ms", written, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return written;
    }

    private async Task<int> SweepBatchesAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var written = 0;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var batch = await ClaimAsync(today, ct);
            if (batch.Count == 0) break;
            // Only the organizations of this batch and those above them, never the whole tree.
            var organizations = await OrganizationTree.LoadWithAncestorsAsync(db, batch.Select(d => d.OrganizationId), ct);
            var subjects = await kinds.ContactsAsync(batch.Select(d => (d.SubjectKind, d.SubjectId)), ct);
            var resolver = new RecipientResolver(organizations, kinds, subjects);
            foreach (var deadline in batch) written += Write(deadline, today, resolver, subjects.GetValueOrDefault((deadline.SubjectKind, deadline.SubjectId))?.Name ?? "");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }
        await RecordSweepAsync(written, ct);
        return written;
    }

    private async Task<List<Deadline>> ClaimAsync(DateOnly today, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            return await db.Deadlines.FromSqlInterpolated($"""
                SELECT * FROM deadlines
                WHERE "IsOpen" AND "NextReminderOn" <= {today}
                ORDER BY "NextReminderOn"
                LIMIT {options.BatchSize}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct);
        // SQLite is a single node with a single writer: no row locks to skip.
        return await db.Deadlines.Where(d => d.IsOpen && d.NextReminderOn <= today)
            .OrderBy(d => d.NextReminderOn).Take(options.BatchSize).ToListAsync(ct);
    }

    private int Write(Deadline deadline, DateOnly today, RecipientResolver resolver, string subjectName)
    {
        var definition = catalog.Definition(deadline.DefinitionId, deadline.DefinitionVersion);
        var kind = definition?.Deadlines.FirstOrDefault(k => k.Kind == deadline.Kind);
        if (definition is null || kind is null)
        {
            // The definition no longer declares this kind: nothing can be reminded of it.
            deadline.NextReminderOn = null;
            return 0;
        }
        var written = 0;
        var from = deadline.RemindedThrough.AddDays(1) > deadline.OpenedOn ? deadline.RemindedThrough.AddDays(1) : deadline.OpenedOn;
        foreach (var occurrence in ReminderSchedule.Between(kind, deadline.DueDate, from, today))
        {
            var (subject, body) = ReminderText.Compose(definition.ReminderText, kind, occurrence, deadline.DueDate, subjectName);
            foreach (var recipient in occurrence.To.SelectMany(role => resolver.Resolve(role, definition.Recipients.GetValueOrDefault(role), deadline)).DistinctBy(r => (r.Role, r.Id)))
            {
                var reminder = db.Reminders.Add(new Reminder
                {
                    Id = Guid.CreateVersion7(),
                    DeadlineId = deadline.Id,
                    InstanceId = deadline.InstanceId,
                    DeadlineKind = deadline.Kind,
                    ReminderKind = occurrence.Kind,
                    Occurrence = occurrence.Occurrence,
                    RecipientRole = recipient.Role,
                    RecipientType = recipient.Type,
                    RecipientId = recipient.Id,
                    FireOn = occurrence.FireOn,
                    DueDate = deadline.DueDate,
                    Subject = subject,
                    Body = body,
                    CreatedAt = clock.Now,
                }).Entity;
                written++;
                if (options.Smtp.Enabled && !string.IsNullOrWhiteSpace(recipient.Email))
                    db.EmailOutbox.Add(new EmailMessage
                    {
                        Id = Guid.CreateVersion7(),
                        ReminderId = reminder.Id,
                        ToAddress = recipient.Email,
                        Subject = subject,
                        Body = body,
                        MessageId = $"reminder-{reminder.Id:N}@partyworkflow",
                        NextAttemptAt = clock.Now,
                        CreatedAt = clock.Now,
                    });
            }
        }
        deadline.RemindedThrough = today;
        deadline.NextReminderOn = ReminderSchedule.NextAfter(kind, deadline.DueDate, today);
        return written;
    }

    private async Task RecordSweepAsync(int written, CancellationToken ct)
    {
        var node = await db.SchedulerNodes.FirstOrDefaultAsync(n => n.NodeId == options.Node, ct);
        if (node is null) node = db.SchedulerNodes.Add(new SchedulerNode { NodeId = options.Node }).Entity;
        node.LastSeenAt = clock.Now;
        node.LastSweepAt = clock.Now;
        node.LastSweepReminders = written;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
