using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Reminders;

/// <summary>
/// Creates Quartz's tables as the tables' owner, when the application connects as a role that may
/// not create tables: Quartz's own "create what is missing" script (it never drops anything), which
/// its job store would otherwise run at the first start.
/// </summary>
public static class QuartzSchema
{
    private const string Resource = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";
    private const string TablePrefix = "qrtz_";

    public static async Task ProvisionAsync(PartyWorkflowDbContext db, CancellationToken ct)
    {
        await using var stream = typeof(Quartz.IScheduler).Assembly.GetManifestResourceStream(Resource)
                                 ?? throw new InvalidOperationException($"Quartz no longer ships {Resource}");
        var script = (await new StreamReader(stream).ReadToEndAsync(ct)).Replace("{0}", TablePrefix).Replace("{1}", TablePrefix);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var statement in script.Split("\n--;;", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (statement.Split('\n').All(line => line.TrimStart().StartsWith("--", StringComparison.Ordinal) || line.Trim().Length == 0)) continue;
                await using DbCommand command = connection.CreateCommand();
                command.CommandText = statement;
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
