using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Reminders;

/// <summary>What /health says of the reminders: the last sweep, due and overdue counts, the nodes seen.</summary>
public sealed record SchedulerStatus : IQuery<SchedulerStatusView>;

public sealed record SchedulerStatusView(bool SchedulerEnabled, DateTimeOffset? LastSweepAt, int DueToday, int Overdue, int UnsentEmails, IReadOnlyList<SchedulerNodeView> Nodes);

public sealed record SchedulerNodeView(string NodeId, DateTimeOffset LastSeenAt, DateTimeOffset? LastSweepAt, int LastSweepReminders);

public sealed class SchedulerStatusHandler(PartyWorkflowDbContext db, Clock clock, ReminderOptions options) : IQueryHandler<SchedulerStatus, SchedulerStatusView>
{
    public async ValueTask<SchedulerStatusView> Handle(SchedulerStatus query, CancellationToken ct)
    {
        var today = clock.Today;
        var nodes = await db.SchedulerNodes.AsNoTracking().ToListAsync(ct);
        var dueToday = await db.Deadlines.CountAsync(d => d.IsOpen && d.DueDate == today, ct);
        var overdue = await db.Deadlines.CountAsync(d => d.IsOpen && d.DueDate < today, ct);
        var unsent = await db.EmailOutbox.CountAsync(m => m.SentAt == null, ct);
        return new SchedulerStatusView(options.SchedulerEnabled, nodes.Max(n => n.LastSweepAt), dueToday, overdue, unsent,
            nodes.OrderByDescending(n => n.LastSeenAt).Select(n => new SchedulerNodeView(n.NodeId, n.LastSeenAt, n.LastSweepAt, n.LastSweepReminders)).ToList());
    }
}
