using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyWorkflow.Application.Reminders;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Api.Tests.Infrastructure;

/// <summary>Runs the reminder sweep as Quartz would, and reads what it wrote.</summary>
public static class Sweeps
{
    public static async Task<int> SweepAsync(this ApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderSweeper>().SweepAsync();
    }

    public static async Task<List<Reminder>> RemindersAsync(this ApiFactory factory, Guid? instance = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartyWorkflowDbContext>();
        return await db.Reminders.AsNoTracking().Where(r => instance == null || r.InstanceId == instance)
            .OrderBy(r => r.FireOn).ThenBy(r => r.DeadlineKind).ThenBy(r => r.RecipientRole).ThenBy(r => r.RecipientType).ToListAsync();
    }

    /// <summary>Ten in the morning, Beijing time, on <paramref name="day"/>.</summary>
    public static DateTimeOffset Morning(DateOnly day) => new(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
}
