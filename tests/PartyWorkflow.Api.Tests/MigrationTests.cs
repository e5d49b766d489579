using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PartyWorkflow.Api.Tests.Infrastructure;

namespace PartyWorkflow.Api.Tests;

/// <summary>
/// Data written before instances had subjects, filing organizations and uniqueness locks migrates:
/// a database at the previous migration, filled with instances at several steps, is migrated and
/// its instances still list, refuse a second application and act.
/// </summary>
public sealed class MigrationTests
{

    private static readonly Dictionary<string, Dictionary<string, string>> Tables = new()
    {
        ["organizations"] = [],
        // Citizen IDs and phones were plain text then (PlainText opens today's sealed values).
        ["people"] = new() { ["CitizenIdSealed"] = "CitizenId", ["PhoneSealed"] = "Phone" },
        ["instances"] = new() { ["SubjectId"] = "PersonId", ["OrganizationId"] = "BranchId" },
        ["history"] = new() { ["OrganizationId"] = "BranchId" },
        ["deadlines"] = new() { ["SubjectId"] = "PersonId", ["OrganizationId"] = "BranchId" },
    };

    [Fact]
    public Task Instances_written_before_subjects_migrate_on_postgres() => MigratesAsync(TestDatabases.CreatePostgresAsync, "20261130102750_Initial");

    [Fact]
    public Task Instances_written_before_subjects_migrate_on_sqlite() => MigratesAsync(() => Task.FromResult(TestDatabases.CreateSqlite()), "20261130102800_Initial");

    private static Func<string, object, System.Data.Common.DbDataReader, object> PlainText(string connection)
    {
        var configuration = Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(new Microsoft.Extensions.Configuration.ConfigurationBuilder(), ApiFactory.PersonalDataKeys!).Build();
        var data = new PartyWorkflow.Application.Privacy.PersonalData(configuration, connection);
        return (column, value, row) => column switch
        {
            "CitizenIdSealed" => data.Open((string)value, Guid.Parse(row["Id"].ToString()!), "citizen-id"),
            "PhoneSealed" => data.Open((string)value, Guid.Parse(row["Id"].ToString()!), "phone"),
            _ => value,
        };
    }

    /// <param name="previousMigration">The migration before subjects, of the provider.</param>
    private static async Task MigratesAsync(Func<Task<string>> createDatabase, string previousMigration)
    {
        var time = new FakeTimeProvider(ApiFixture.Start);
        var written = await createDatabase();
        Unit unit;
        Guid fresh, activist, probationer, withdrawn;
        var (freshCitizen, withdrawnCitizen) = (CitizenIds.For(new DateOnly(1996, 3, 3)), CitizenIds.For(new DateOnly(1997, 4, 4)));
        await using (var factory = new ApiFactory(written, time))
        {
            unit = await Unit.CreateAsync(new ApiClient(factory.CreateSignedInClient()));
            fresh = await unit.ApplyAsync("2026-11-20", freshCitizen);
            activist = await unit.StartAsync("assign-contacts");
            probationer = await unit.StartAsync("take-oath");
            withdrawn = await unit.ApplyAsync("2026-10-01", withdrawnCitizen);
            await unit.ActAsync(withdrawn, "withdraw", "2026-11-01", new JsonObject { ["reason"] = "本人申请" }, "branch");
        }

        var old = await createDatabase();
        await TableCopy.MigrateToAsync(TestDatabases.OwnerOf(old), previousMigration);
        foreach (var (table, renames) in Tables) await TableCopy.CopyAsync(written, TestDatabases.OwnerOf(old), table, renames, PlainText(written));

        await using var migrated = new ApiFactory(old, time);
        var api = new ApiClient(migrated.CreateSignedInClient());
        unit = unit with { Api = api };

        var open = await api.GetAsync($"/api/instances?organization={unit.Branch}&open=true");
        Assert.Equal(3, open["total"]!.GetValue<int>());
        Assert.All(open["items"]!.AsArray(), i => Assert.Equal("申请人", i!["subjectName"]!.GetValue<string>()));
        Assert.Equal(withdrawn.ToString(), Assert.Single((await api.GetAsync("/api/instances?open=false"))["items"]!.AsArray())!["id"]!.GetValue<string>());

        var view = await unit.ViewAsync(activist);
        Assert.Equal("person", view["subjectKind"]!.GetValue<string>());
        Assert.Equal(unit.Branch.ToString(), view["organizationId"]!.GetValue<string>());
        Assert.NotEmpty(view["awaitedRoles"]!.AsArray());
        Assert.Contains("inspection-due", view.OpenDeadlineKinds());

        // The open processes hold their locks: the same person cannot apply twice; the withdrawn one may again.
        Assert.Equal(["no-open-application"], await ApiClient.UnmetRulesAsync(await api.SubmitAsync(unit.Branch, unit.Secretary, freshCitizen, "2026-11-28")));
        await ApiClient.ExpectAsync(await api.SubmitAsync(unit.Branch, unit.Secretary, withdrawnCitizen, "2026-11-28"), HttpStatusCode.Created);

        await unit.ActAsync(fresh, "initial-talk", "2026-11-25", new JsonObject { ["talkerId"] = unit.Secretary.ToString(), ["notes"] = "谈话" });
        await unit.ActAsync(probationer, "record-probation-inspection", "2026-11-01", new JsonObject { ["assessment"] = "良好" });
        Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync($"/api/instances/{withdrawn}")).StatusCode);

        // Plain text written then is sealed now: found by its hash (the duplicate above), shown masked, in no column as it was.
        Assert.Matches("^[0-9]{4}[*]{10}[0-9]{3}[0-9X]$", (await api.GetAsync($"/api/members/{await unit.PersonIdAsync(probationer)}"))["maskedCitizenId"]!.GetValue<string>());
        await using (var owner = TableCopy.Open(TestDatabases.OwnerOf(old)))
            Assert.False(await owner.People.AnyAsync(p => p.CitizenIdSealed == freshCitizen || p.CitizenIdSealed.Length <= 18 || p.CitizenIdHash.StartsWith("legacy:")));

        // History written before the chain existed was chained by the migration, and what came after extends it.
        await using var db = TableCopy.Open(TestDatabases.OwnerOf(old));
        var report = await PartyWorkflow.Application.Audit.AuditVerifier.VerifyAsync(db);
        Assert.True(report.IsIntact, string.Join("\n", report.Problems));
        Assert.True(report.HistoryRows > 10, $"{report.HistoryRows} history rows");
    }
}
