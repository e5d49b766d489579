using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyWorkflow.Persistence;
using Quartz;

namespace PartyWorkflow.Application.Reminders;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// The reminder services and, unless switched off, Quartz running the sweeps: persistent and
    /// clustered on PostgreSQL (its schema provisioned on start), in memory on the SQLite default —
    /// the sweeps are rebuilt from the deadline rows, so nothing is lost on a restart either way.
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        var options = configuration.GetSection("PartyWorkflow:Reminders").Get<ReminderOptions>() ?? new ReminderOptions();
        services.AddSingleton(options);
        services.AddScoped<ReminderSweeper>();
        services.AddScoped<EmailDispatcher>();
        services.AddScoped<Common.IdempotencyPruner>();
        services.AddSingleton<IEmailSender, MailKitEmailSender>();
        if (!options.SchedulerEnabled) return services;

        var checkin = configuration.GetValue("PartyWorkflow:Reminders:ClusterCheckinSeconds", 15);
        services.AddQuartz("partyworkflow", q =>
        {
            // Each node needs its own id in the cluster.
            q.ConfigureScheduler(s => s.InstanceId = options.Node);
            if (DatabaseProvider.IsPostgres(connectionString))
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(connectionString);
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(checkin);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(checkin * 2);
                    });
                    store.ProvisionSchema();
                });
            else q.UseInMemoryStore();

            q.ScheduleJob<ReminderSweepJob>(t => t
                .WithIdentity("reminder-sweep")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(options.SweepIntervalSeconds)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            q.ScheduleJob<EmailDispatchJob>(t => t
                .WithIdentity("email-dispatch")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(Math.Max(1, options.SweepIntervalSeconds / 2))).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            q.ScheduleJob<Common.IdempotencyPruneJob>(t => t
                .WithIdentity("idempotency-prune")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
