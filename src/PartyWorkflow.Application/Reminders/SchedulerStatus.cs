using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Reminders;

/// <summary>
/// What /health says of the reminders: whether the scheduler runs, the last sweep and the nodes seen.
/// No table counts: a health probe runs every few seconds on every node; the counts of due and
/// overdue deadlines are in <c>/api/deadlines/summary</c>.
/// </summary>
public sealed record SchedulerStatus : IQuery<SchedulerStatusView>;

public sealed record SchedulerStatusView(bool SchedulerEnabled, DateTimeOffset? LastSweepAt, IReadOnlyList<SchedulerNodeView> Nodes);

public sealed record SchedulerNodeView(string NodeId, DateTimeOffset LastSeenAt, DateTimeOffset? LastSweepAt, int LastSweepReminders);

public sealed class SchedulerStatusHandler(PartyWorkflowDbContext db, ReminderOptions options) : IQueryHandler<SchedulerStatus, SchedulerStatusView>
{
    public async ValueTask<SchedulerStatusView> Handle(SchedulerStatus query, CancellationToken ct)
    {
        // A row per server process that ever swept: a handful.
        var nodes = await db.SchedulerNodes.AsNoTracking().ToListAsync(ct);
        return new SchedulerStatusView(options.SchedulerEnabled, nodes.Max(n => n.LastSweepAt),
            nodes.OrderByDescending(n => n.LastSeenAt).Select(n => new SchedulerNodeView(n.NodeId, n.LastSeenAt, n.LastSweepAt, n.LastSweepReminders)).ToList());
    }
}
