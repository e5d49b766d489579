using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using PartyWorkflow.Api.Tests.Establishment;
using PartyWorkflow.Api.Tests.Infrastructure;
using PartyWorkflow.Engine.Rules;

namespace PartyWorkflow.Api.Tests.Privacy;

/// <summary>
/// Citizen IDs and phones (sensitive personal information under the PIPL): sealed at rest, found by
/// their keyed hash, masked in lists, whole only for the roles that need them, and in no log line
/// and no table in plain text after a whole member-development run and an establishment run.
/// </summary>
public sealed partial class PersonalDataTests
{
    private const string Password = "Privacy-tests-Password-1";

    // A citizen ID or phone as it would appear in text: not inside a longer run of letters and digits (a hash, a sealed value).
    [GeneratedRegex("(?<![0-9A-Za-z])[0-9]{17}[0-9X](?![0-9A-Za-z])")]
    private static partial Regex CitizenIdShaped();

    [GeneratedRegex("(?<![0-9A-Za-z])1[389]0000[0-9]{5}(?![0-9A-Za-z])")]
    private static partial Regex TestPhone();

    private static IEnumerable<string> Leaks(string text) =>
        CitizenIdShaped().Matches(text).Select(m => m.Value).Where(v => CitizenId.Problem(v, out _) is null)
            .Concat(TestPhone().Matches(text).Select(m => m.Value));

    [Fact]
    public async Task Citizen_ids_and_phones_are_in_no_log_and_no_table_after_a_member_development_and_an_establishment_run()
    {
        var logs = new LogCapture();
        var app = await TestDatabases.CreatePostgresAsync();
        // Every category at every level, whatever appsettings.json filters for the console.
        await using var factory = new ApiFactory(app, new FakeTimeProvider(ApiFixture.Start),
            services: s => s.AddSingleton<ILoggerProvider>(logs).AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddFilter<LogCapture>(null, LogLevel.Trace)));
        var api = new ApiClient(factory.CreateSignedInClient());

        // A member's whole process, from the application (with a citizen ID and a phone) to full membership.
        var unit = await Unit.CreateAsync(api);
        var citizenId = CitizenIds.For(new DateOnly(1996, 7, 7));
        var instance = await unit.StartAsync("apply-for-full-membership", citizenId);
        await unit.ActAsync(instance, "branch-meeting-confirmation", "2025-09-12", new JsonObject { ["proposal"] = "confirm" }.Merge(Unit.Tally(10, 9, 9)));
        await unit.ActAsync(instance, "committee-approval-confirmation", "2025-10-01", new JsonObject { ["decision"] = "approved", ["approverOrganizationId"] = unit.Committee.ToString() });
        var archived = await unit.ActAsync(instance, "archive-materials", "2025-10-15", new JsonObject { ["archiveReference"] = "档案-2025-01" });
        Assert.Equal("full-member", archived["state"]!.GetValue<string>());
        // An establishment, its founding members registered with citizen IDs and phones.
        await new Establishments(api).StandaloneToEstablishedAsync();

        // Found by the keyed hash, shown masked.
        var found = await ApiClient.ExpectAsync(await api.PostAsync("/api/instances/search", new JsonObject { ["citizenId"] = citizenId }), HttpStatusCode.OK);
        Assert.Equal(instance.ToString(), Assert.Single(found["items"]!.AsArray())!["id"]!.GetValue<string>());
        var person = await unit.PersonIdAsync(instance);
        var member = await api.GetAsync($"/api/members/{person}");
        Assert.Equal((citizenId[..4] + "**********" + citizenId[^4..], "138****0000"),
            (member["maskedCitizenId"]!.GetValue<string>(), member["maskedPhone"]!.GetValue<string>()));
        // The same citizen ID again is the same person: refused as a duplicate.
        using var duplicate = await api.Client.PostAsJsonAsync("/api/members", new { name = "申请人", gender = "female", citizenId = citizenId.ToLowerInvariant(), branchId = unit.Branch, membership = "full" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        // Whole values: for the party committee above the branch; not for an administrator, nor for another branch.
        using var committee = await SignedInAsync(factory, "committee-reader", new { role = "party-committee", scopeOrganizationId = unit.Committee });
        var whole = await ApiClient.ExpectAsync(await committee.GetAsync($"/api/people/{person}/personal-data"), HttpStatusCode.OK);
        Assert.Equal((citizenId, "13800000000"), (whole["citizenId"]!.GetValue<string>(), whole["phone"]!.GetValue<string>()));
        using var admin = await api.Client.GetAsync($"/api/people/{person}/personal-data");
        Assert.Contains("personal-data-not-permitted", (await ApiClient.ExpectAsync(admin, HttpStatusCode.Forbidden)).ToJsonString());
        // An applicant is in no branch yet: the branch their application is filed under reads them.
        var applicant = await unit.PersonIdAsync(await unit.ApplyAsync("2026-11-20", CitizenIds.For(new DateOnly(1999, 9, 9))));
        using var branchReader = await SignedInAsync(factory, "branch-reader", new { role = "branch", scopeOrganizationId = unit.Branch });
        Assert.Equal(HttpStatusCode.OK, (await branchReader.GetAsync($"/api/people/{applicant}/personal-data")).StatusCode);
        var elsewhere = await api.CreateOrganizationAsync("branch", name: "另一个党支部");
        using var otherBranch = await SignedInAsync(factory, "other-branch", new { role = "branch", scopeOrganizationId = elsewhere });
        Assert.Equal(HttpStatusCode.NotFound, (await otherBranch.GetAsync($"/api/people/{person}/personal-data")).StatusCode);

        // The branch's calendar feed and its inbox name the applicant, and hold neither.
        await factory.SweepAsync();
        var feed = await ApiClient.ExpectAsync(await api.PostAsync("/api/calendar-feeds", new JsonObject { ["organizationId"] = unit.Branch.ToString() }), HttpStatusCode.Created);
        using var anonymous = factory.CreateDefaultClient();
        var calendar = await anonymous.GetStringAsync(new Uri(feed["url"]!.GetValue<string>()).PathAndQuery);
        Assert.Contains("BEGIN:VCALENDAR", calendar);
        Assert.Empty(Leaks(calendar));
        Assert.Empty(Leaks(await api.Client.GetStringAsync($"/api/inbox?organization={unit.Branch}")));

        Assert.True(logs.Lines.Count > 1000, $"only {logs.Lines.Count} log lines were captured");
        Assert.Empty(logs.Lines.Where(l => Leaks(l).Any()).Select(l => l.Length > 300 ? l[..300] : l));
        Assert.Empty(await LeaksInTablesAsync(TestDatabases.OwnerOf(app)));
    }

    [Fact]
    public async Task A_new_current_key_seals_every_value_again_and_they_read_the_same()
    {
        var database = TestDatabases.CreateSqlite();
        var time = new FakeTimeProvider(ApiFixture.Start);
        var citizenId = CitizenIds.For(new DateOnly(1988, 8, 8));
        Guid member;
        await using (var before = new ApiFactory(database, time))
        {
            var api = new ApiClient(before.CreateSignedInClient());
            var branch = await api.CreateOrganizationAsync("branch");
            var created = await ApiClient.ExpectAsync(await api.Client.PostAsJsonAsync("/api/members",
                new { name = "轮换", gender = "male", citizenId, phone = "13900001234", branchId = branch, membership = "full" }), HttpStatusCode.Created);
            member = Guid.Parse(created["id"]!.GetValue<string>());
        }
        Assert.Equal(["pd1.test-1."], await SealedPrefixesAsync(database));

        // The old key stays to open what it sealed; the new one seals from now on, and the start seals everything again.
        var rotated = new Dictionary<string, string>(ApiFactory.PersonalDataKeys.Where(k => !k.Key.EndsWith("CurrentKey", StringComparison.Ordinal)))
        {
            ["PartyWorkflow:PersonalData:CurrentKey"] = "test-2",
            ["PartyWorkflow:PersonalData:Keys:test-2"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        };
        await using var after = new ApiFactory(database, time, settings: rotated);
        var afterApi = new ApiClient(after.CreateSignedInClient());
        var shown = await afterApi.GetAsync($"/api/members/{member}");
        Assert.Equal(["pd1.test-2."], await SealedPrefixesAsync(database));
        Assert.Equal((citizenId[..4] + "**********" + citizenId[^4..], "139****1234"), (shown["maskedCitizenId"]!.GetValue<string>(), shown["maskedPhone"]!.GetValue<string>()));
        var whole = await afterApi.GetAsync($"/api/people/{member}/personal-data?actorId={member}");
        Assert.Equal((citizenId, "13900001234"), (whole["citizenId"]!.GetValue<string>(), whole["phone"]!.GetValue<string>()));
    }

    /// <summary>The distinct key prefixes of the sealed citizen IDs and phones.</summary>
    private static async Task<List<string>> SealedPrefixesAsync(string database)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT substr(CitizenIdSealed, 1, 11) FROM people UNION SELECT DISTINCT substr(PhoneSealed, 1, 11) FROM people WHERE PhoneSealed IS NOT NULL";
        var prefixes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) prefixes.Add(reader.GetString(0));
        return prefixes;
    }

    private static async Task<HttpClient> SignedInAsync(ApiFactory factory, string userName, object role)
    {
        var admin = new ApiClient(factory.CreateSignedInClient());
        await ApiClient.ExpectAsync(await admin.Client.PostAsJsonAsync("/api/users", new { userName, password = Password, roles = new[] { role } }), HttpStatusCode.Created);
        var client = factory.CreateDefaultClient();
        var tokens = await ApiClient.ExpectAsync(await client.PostAsJsonAsync("/api/auth/login", new { userName, password = Password }), HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens["accessToken"]!.GetValue<string>());
        return client;
    }

    /// <summary>Every row of every table as text (PostgreSQL's own rendering of a whole row), searched for citizen IDs and the tests' phones.</summary>
    private static async Task<List<string>> LeaksInTablesAsync(string connection)
    {
        await using var source = NpgsqlDataSource.Create(connection);
        var tables = new List<string>();
        await using (var reader = await source.CreateCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        Assert.Contains("people", tables);
        var leaks = new List<string>();
        foreach (var table in tables)
        {
            // Table names come from the catalog, not from input.
            await using var reader = await source.CreateCommand($"SELECT t::text FROM \"{table}\" t").ExecuteReaderAsync();
            while (await reader.ReadAsync())
                leaks.AddRange(Leaks(reader.GetString(0)).Select(l => $"{table}: {l}"));
        }
        return leaks;
    }
}
