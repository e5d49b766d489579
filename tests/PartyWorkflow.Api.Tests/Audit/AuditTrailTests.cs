using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using PartyWorkflow.Api.Tests.Infrastructure;
using PartyWorkflow.Cli;

namespace PartyWorkflow.Api.Tests.Audit;

/// <summary>
/// The audit trail and the history's hash chains: what is recorded (refusals and failed sign-ins
/// included), that the application's PostgreSQL role may not rewrite history or audit rows, and that
/// <c>partyworkflow audit verify</c> reports a row altered, the newest rows removed, a row put out of order.
/// </summary>
public sealed class AuditTrailTests
{
    /// <summary>A member's process taken three steps, a refused step, a failed and a good sign-in, an export and a calendar feed.</summary>
    private static async Task<Guid> RecordSomeAsync(ApiFactory factory)
    {
        var api = new ApiClient(factory.CreateSignedInClient());
        var unit = await Unit.CreateAsync(api);
        var instance = await unit.ApplyAsync("2026-11-03");
        await unit.ActAsync(instance, "initial-talk", "2026-11-10", new JsonObject { ["talkerId"] = unit.Secretary.ToString(), ["notes"] = "谈话" });
        Assert.Equal(HttpStatusCode.Conflict, (await unit.SendAsync(instance, "take-oath", "2026-11-11")).StatusCode);
        using var anonymous = factory.CreateDefaultClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = SignedInActors.AdminUser, password = "not-the-password" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = SignedInActors.AdminUser, password = SignedInActors.AdminPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync("/api/units/export?name=某某")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.Client.PostAsJsonAsync("/api/calendar-feeds", new { organizationId = unit.Branch })).StatusCode);
        return instance;
    }

    private static async Task<(int Code, string Output, string Errors)> VerifyAsync(string connection)
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        var code = await CliApp.RunAsync(["audit", "verify", "--connection", connection], output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task On_postgres_the_application_may_not_rewrite_history_or_audit_and_verify_reports_tampering()
    {
        var app = await TestDatabases.CreatePostgresAsync();
        var owner = TestDatabases.OwnerOf(app);
        Guid instance;
        await using (var factory = new ApiFactory(app, new FakeTimeProvider(ApiFixture.Start)))
            instance = await RecordSomeAsync(factory);

        await using var asOwner = NpgsqlDataSource.Create(owner);
        var audit = await RowsAsync(asOwner, """SELECT "Kind" || ' ' || "Target" || ' ' || "Outcome" FROM audit_events ORDER BY "Sequence" """);
        Assert.Contains(audit, r => r.StartsWith("sign-in POST /api/auth/login 401 wrong-password", StringComparison.Ordinal));
        Assert.Contains(audit, r => r == "sign-in POST /api/auth/login 200");
        Assert.Contains(audit, r => r == $"action POST /api/instances/{instance}/actions/take-oath 409");
        Assert.Contains(audit, r => r == "export GET /api/units/export 200");
        Assert.Contains(audit, r => r == "calendar-feed POST /api/calendar-feeds 201");
        Assert.Contains(audit, r => r.StartsWith("user-admin POST /api/users 201", StringComparison.Ordinal));
        // The query (a name searched for) is not kept; accepted actions are in the chained history, with the user and the address.
        Assert.DoesNotContain(audit, r => r.Contains("某某", StringComparison.Ordinal) || r.Contains("initial-talk", StringComparison.Ordinal));
        Assert.Equal(["127.0.0.1"], await RowsAsync(asOwner, $"""SELECT DISTINCT COALESCE("Address", 'none') FROM history WHERE "InstanceId" = '{instance}'"""));

        var (intact, intactOutput, _) = await VerifyAsync(owner);
        Assert.Equal(0, intact);
        Assert.StartsWith("intact: history of", intactOutput);

        // The application's role reads and appends, and nothing more.
        await using var asApp = NpgsqlDataSource.Create(app);
        foreach (var sql in new[]
                 {
                     """UPDATE history SET "Outcome" = 'approved'""", "DELETE FROM history", "TRUNCATE history",
                     """UPDATE audit_events SET "Outcome" = '200'""", "DELETE FROM audit_events",
                 })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(async () => await asApp.CreateCommand(sql).ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }

        // The owner can change anything; verify says what.
        await asOwner.CreateCommand($"""UPDATE history SET "FactsJson" = '{"{}"}' WHERE "InstanceId" = '{instance}' AND "Sequence" = 1""").ExecuteNonQueryAsync();
        var (altered, _, alteredErrors) = await VerifyAsync(owner);
        Assert.Equal(1, altered);
        Assert.Contains($"history of instance {instance}, row 1: altered", alteredErrors);

        var newest = await RowsAsync(asOwner, """SELECT "Stream" || ' ' || MAX("Sequence") FROM audit_events GROUP BY "Stream" """);
        await asOwner.CreateCommand("""DELETE FROM audit_events WHERE "Sequence" >= (SELECT MAX("Sequence") - 1 FROM audit_events)""").ExecuteNonQueryAsync();
        var (removed, _, removedErrors) = await VerifyAsync(owner);
        Assert.Equal(1, removed);
        var stream = newest.Single().Split(' ')[0];
        Assert.Contains($"audit {stream}: the chain ends at row {long.Parse(newest.Single().Split(' ')[1]) - 2}", removedErrors);

        // Two rows swapped: both are reported.
        await asOwner.CreateCommand("""UPDATE audit_events SET "Sequence" = -"Sequence" WHERE "Sequence" IN (1, 2)""").ExecuteNonQueryAsync();
        await asOwner.CreateCommand("""UPDATE audit_events SET "Sequence" = CASE "Sequence" WHEN -1 THEN 2 ELSE 1 END WHERE "Sequence" < 0""").ExecuteNonQueryAsync();
        var (_, _, swappedErrors) = await VerifyAsync(owner);
        Assert.Contains($"audit {stream}, row 1: altered", swappedErrors);
        Assert.Contains($"audit {stream}, row 2: altered", swappedErrors);
    }

    [Fact]
    public async Task On_sqlite_the_chains_verify_and_a_removed_history_row_is_reported()
    {
        var database = TestDatabases.CreateSqlite();
        Guid instance;
        await using (var factory = new ApiFactory(database, new FakeTimeProvider(ApiFixture.Start)))
            instance = await RecordSomeAsync(factory);
        Assert.Equal(0, (await VerifyAsync(database)).Code);

        await using var connection = new SqliteConnection(database);
        await connection.OpenAsync();
        await using var delete = connection.CreateCommand();
        delete.CommandText = $"DELETE FROM history WHERE InstanceId = '{instance.ToString().ToUpperInvariant()}' AND Sequence = (SELECT MAX(Sequence) FROM history WHERE InstanceId = '{instance.ToString().ToUpperInvariant()}')";
        Assert.Equal(1, await delete.ExecuteNonQueryAsync());
        var (code, _, errors) = await VerifyAsync(database);
        Assert.Equal(1, code);
        Assert.Contains($"history of instance {instance}: the chain ends at row 1, the instance is at version 2", errors);
    }

    [Fact]
    public async Task A_row_taken_by_the_previous_day_after_midnight_keeps_both_chains_intact_and_removing_that_day_is_reported()
    {
        var database = TestDatabases.CreateSqlite();
        var midnight = new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(midnight.AddSeconds(-5));
        await using var factory = new ApiFactory(database, time);
        var trail = factory.Services.GetRequiredService<PartyWorkflow.Application.Audit.AuditTrail>();
        PartyWorkflow.Application.Audit.AuditEntry Entry(string what) => new("export", what, "200", null, "tester", "127.0.0.1");
        await trail.AppendAsync(Entry("GET /before-midnight"));
        time.SetUtcNow(midnight.AddSeconds(1));
        await trail.AppendAsync(Entry("GET /after-midnight"));
        // An append that read its clock before midnight commits after the new day began.
        var late = new PartyWorkflow.Application.Audit.AuditTrail(factory.Services.GetRequiredService<IServiceScopeFactory>(),
            new PartyWorkflow.Application.Common.Clock(new StoppedClock(midnight.AddTicks(-10)), factory.Services.GetRequiredService<PartyWorkflow.Application.Common.PartyWorkflowOptions>()));
        await late.AppendAsync(Entry("GET /late"));
        var intact = await VerifyAsync(database);
        Assert.True(intact.Code == 0, intact.Errors);

        await using var connection = new SqliteConnection(database);
        await connection.OpenAsync();
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM audit_events WHERE Stream = '2026-12-04'; DELETE FROM audit_heads WHERE Stream = '2026-12-04'";
        await delete.ExecuteNonQueryAsync();
        var (code, _, errors) = await VerifyAsync(database);
        Assert.Equal(1, code);
        Assert.Contains("audit 2026-12-05: starts from a hash that is not in the previous day's chain", errors);
    }

    private static async Task<List<string>> RowsAsync(NpgsqlDataSource source, string sql)
    {
        var rows = new List<string>();
        await using var reader = await source.CreateCommand(sql).ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
