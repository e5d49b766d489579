using Npgsql;
using PartyWorkflow.Api.Tests.Infrastructure;
using PartyWorkflow.Cli;

namespace PartyWorkflow.Api.Tests.Reminders;

/// <summary>
/// Two server processes, one PostgreSQL, clustered Quartz with short intervals and real time:
/// 10,000 due deadlines each give exactly one reminder, even when one process is killed mid-sweep.
/// </summary>
public sealed class ClusterTests
{
    private const int Deadlines = 10_000;

    [Fact]
    public async Task Two_nodes_write_each_of_10000_reminders_exactly_once_and_a_killed_node_loses_none()
    {
        var connectionString = await TestDatabases.CreatePostgresAsync();
        Assert.Equal(0, await CliApp.RunAsync(["db", "migrate", "--connection", TestDatabases.OwnerOf(connectionString), "--grant", TestDatabases.AppRole], TextWriter.Null, TextWriter.Null));
        var settings = new Dictionary<string, string>
        {
            ["PartyWorkflow__Reminders__SweepIntervalSeconds"] = "1",
            ["PartyWorkflow__Reminders__BatchSize"] = "20",
            ["PartyWorkflow__Reminders__ClusterCheckinSeconds"] = "1",
        };
        using var a = ServerProcess.Start(connectionString, "node-a", settings);
        await a.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
        using var b = ServerProcess.Start(connectionString, "node-b", settings);
        await b.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));

        await using var db = NpgsqlDataSource.Create(connectionString);
        await SeedDueDeadlinesAsync(db);

        // Kill node A while the sweeps are under way.
        var atKill = await WaitForRemindersAsync(db, atLeast: 1000, TimeSpan.FromSeconds(60));
        a.Kill();
        Assert.True(atKill < Deadlines, $"the sweeps had already finished ({atKill}) before node A was killed");

        var final = await WaitForRemindersAsync(db, atLeast: Deadlines, TimeSpan.FromSeconds(120));
        await Task.Delay(TimeSpan.FromSeconds(3)); // any duplicate would show up by now
        Assert.Equal(Deadlines, await CountAsync(db, "SELECT count(*) FROM reminders"));
        Assert.Equal(Deadlines, await CountAsync(db, """SELECT count(DISTINCT "DeadlineId") FROM reminders"""));
        Assert.Equal(0, await CountAsync(db, """SELECT count(*) FROM deadlines WHERE "NextReminderOn" <= "RemindedThrough" """));
        Assert.Equal(1, await CountAsync(db, """SELECT count(*) FROM scheduler_nodes WHERE "NodeId" = 'node-b' AND "LastSweepAt" IS NOT NULL"""));
        Assert.Equal(Deadlines, final);
    }

    /// <summary>One due reminder to the branch per deadline (the designation-eligible kind), all due today.</summary>
    private static async Task SeedDueDeadlinesAsync(NpgsqlDataSource db)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        await using var command = db.CreateCommand("""
            INSERT INTO organizations ("Id", "Name", "Kind", "HasApprovalAuthority", "CreatedAt", "Version")
            VALUES ('00000000-0000-0000-0000-0000000000b1', '集群测试党支部', 'branch', false, now(), 0);
            INSERT INTO deadlines ("Id", "InstanceId", "Kind", "DueDate", "OrganizationId", "SubjectKind", "SubjectId", "IsOpen", "DefinitionId",
                                   "DefinitionVersion", "OpenedOn", "RemindedThrough", "NextReminderOn", "OpenedAt")
            SELECT gen_random_uuid(), gen_random_uuid(), 'designation-eligible', @today, '00000000-0000-0000-0000-0000000000b1',
                   'person', gen_random_uuid(), true, 'member-development', 1, @yesterday, @yesterday, @today, now()
            FROM generate_series(1, 10000);
            """);
        command.Parameters.AddWithValue("today", today);
        command.Parameters.AddWithValue("yesterday", today.AddDays(-1));
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> WaitForRemindersAsync(NpgsqlDataSource db, long atLeast, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        long count;
        while ((count = await CountAsync(db, "SELECT count(*) FROM reminders")) < atLeast && DateTime.UtcNow < until)
            await Task.Delay(25);
        return count;
    }

    private static async Task<long> CountAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
