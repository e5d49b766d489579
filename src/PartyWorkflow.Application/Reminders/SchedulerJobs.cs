using Quartz;

namespace PartyWorkflow.Application.Reminders;

/// <summary>
/// The recurring sweep. Concurrent runs (a long backlog on two nodes) are safe: each claims
/// different deadlines, and reminders have a unique key.
/// </summary>
public sealed class ReminderSweepJob(ReminderSweeper sweeper) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await sweeper.SweepAsync(cancellationToken);
}

public sealed class EmailDispatchJob(EmailDispatcher dispatcher) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await dispatcher.DispatchAsync(cancellationToken);
}
