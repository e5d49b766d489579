using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PartyWorkflow.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PartyWorkflow.Api.Tests.Performance;

/// <summary>
/// The hot path, counted on the wire between the server and PostgreSQL (<see cref="PostgresWire"/>):
/// an action and a start are at most 3 round trips (one read, one write batch, COMMIT) in one
/// transaction, without savepoints, with or without an Idempotency-Key.
/// </summary>
public sealed class RoundTripTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Budget = 3;
    private PostgresWire wire = null!;
    private ApiFactory factory = null!;
    private ApiClient api = null!;

    public async Task InitializeAsync()
    {
        wire = PostgresWire.Start(await TestDatabases.CreatePostgresAsync());
        factory = new ApiFactory(wire.ConnectionString, new FakeTimeProvider(ApiFixture.Start));
        api = new ApiClient(factory.CreateSignedInClient());
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await wire.DisposeAsync();
    }

    private async Task<(int RoundTrips, IReadOnlyList<string> Statements)> MeasureAsync(string name, Func<Task> request)
    {
        wire.Reset();
        await request();
        var measured = (wire.RoundTrips, wire.Statements);
        output.WriteLine($"{name}: {measured.RoundTrips} round trips, {measured.Statements.Count} statements");
        foreach (var statement in measured.Statements) output.WriteLine("    " + statement.ReplaceLineEndings(" ")[..Math.Min(140, statement.Length)]);
        return measured;
    }

    private void AssertOneTransaction(string name, (int RoundTrips, IReadOnlyList<string> Statements) measured, int budget = Budget)
    {
        Assert.True(measured.RoundTrips <= budget, $"{name}: {measured.RoundTrips} round trips, budget {budget}");
        Assert.Equal(1, Count(measured.Statements, "BEGIN") + Count(measured.Statements, "START TRANSACTION"));
        Assert.Equal(1, Count(measured.Statements, "COMMIT"));
        foreach (var keyword in new[] { "SAVEPOINT", "RELEASE", "ROLLBACK", "DISCARD" })
            Assert.True(Count(measured.Statements, keyword) == 0, $"{name}: {keyword} sent");
    }

    private static void AssertReadOnly(string name, (int RoundTrips, IReadOnlyList<string> Statements) measured)
    {
        Assert.True(measured.RoundTrips <= 1, $"{name}: {measured.RoundTrips} round trips");
        Assert.All(measured.Statements, s => Assert.StartsWith("SELECT", s.TrimStart(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// A refusal costs the decision's one read, and the audit trail's append of the refusal in a
    /// transaction of its own (lock the day's head, write the row and the head, COMMIT): nothing else is written.
    /// </summary>
    private static void AssertRefusalRecorded(string name, (int RoundTrips, IReadOnlyList<string> Statements) measured, int reads = 1)
    {
        Assert.True(measured.RoundTrips <= reads + Budget, $"{name}: {measured.RoundTrips} round trips");
        var audit = measured.Statements.Where(s => s.Contains("audit_", StringComparison.Ordinal) || s.TrimStart().StartsWith("BEGIN", StringComparison.OrdinalIgnoreCase)
                                                   || s.TrimStart().StartsWith("COMMIT", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Contains(audit, s => s.Contains("INSERT INTO audit_events", StringComparison.Ordinal));
        var decision = measured.Statements.Except(audit).ToList();
        Assert.All(decision, s => Assert.StartsWith("SELECT", s.TrimStart(), StringComparison.OrdinalIgnoreCase));
        if (reads == 0) Assert.Empty(decision);
        Assert.Equal(1, Count(measured.Statements, "COMMIT"));
        Assert.Equal(0, Count(measured.Statements, "SAVEPOINT"));
    }

    private static int Count(IEnumerable<string> statements, string keyword) =>
        statements.Count(s => s.TrimStart().StartsWith(keyword, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task Actions_and_starts_take_at_most_three_round_trips_in_one_transaction()
    {
        var unit = await Unit.CreateAsync(api);
        var talk = new JsonObject { ["date"] = "2026-11-10", ["talkerId"] = unit.Secretary.ToString(), ["notes"] = "谈话" };
        // Warm up: connections open, statements prepared, the model built.
        for (var i = 0; i < 3; i++) await unit.ActAsync(await unit.ApplyAsync("2026-11-01"), "initial-talk", "2026-11-10", (JsonObject)talk.DeepClone());

        Guid started = default;
        AssertOneTransaction("start", await MeasureAsync("start", async () => started = await unit.ApplyAsync("2026-11-02")));
        AssertOneTransaction("action", await MeasureAsync("action", () => unit.ActAsync(started, "initial-talk", "2026-11-10", (JsonObject)talk.DeepClone())));

        var other = await unit.ApplyAsync("2026-11-03");
        async Task Keyed() => await ApiClient.ExpectAsync(await api.ActAsync(other, "initial-talk", (JsonObject)talk.DeepClone(), unit.Secretary, idempotencyKey: "talk-1"), HttpStatusCode.OK);
        AssertOneTransaction("action with Idempotency-Key", await MeasureAsync("action with Idempotency-Key", Keyed));
        // The replay finds the record in the one read and writes nothing: no transaction at all.
        AssertReadOnly("replayed action", await MeasureAsync("replayed action", Keyed));

        async Task KeyedStart() => await ApiClient.ExpectAsync(await api.SubmitAsync(unit.Branch, unit.Secretary, CitizenIds.For(new DateOnly(1996, 6, 6)), "2026-11-04",
            idempotencyKey: "apply-1"), HttpStatusCode.Created);
        AssertOneTransaction("start with Idempotency-Key", await MeasureAsync("start with Idempotency-Key", KeyedStart));
    }

    [Fact]
    public async Task An_action_with_an_effect_that_closes_and_opens_deadlines_stays_within_the_budget()
    {
        var unit = await Unit.CreateAsync(api);
        var instance = await unit.ApplyAsync();
        await unit.AdvanceToAdmissionMeetingAsync(instance);
        await unit.ActAsync(instance, "branch-meeting-admission", "2024-09-10", Unit.Tally(10, 8, 7, 1));
        await unit.ActAsync(instance, "committee-talk", "2024-09-20", new JsonObject { ["talkerId"] = unit.Members[3].ToString(), ["opinion"] = "同意" });

        // Approval: the person becomes a probationary member (set-membership), probation's deadlines open.
        var approval = await MeasureAsync("committee-approval", () => unit.ActAsync(instance, "committee-approval", "2024-10-10", new JsonObject
        {
            ["decision"] = "approved", ["approverOrganizationId"] = unit.Committee.ToString(),
        }));
        AssertOneTransaction("committee-approval", approval);
        Assert.Contains(approval.Statements, s => s.Contains("UPDATE people", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Refusals_cost_the_one_read_and_their_audit_row_and_a_malformed_start_only_its_audit_row()
    {
        var unit = await Unit.CreateAsync(api);
        var instance = await unit.ApplyAsync("2026-11-03");
        await unit.ActAsync(instance, "initial-talk", "2026-11-10", new JsonObject { ["talkerId"] = unit.Secretary.ToString(), ["notes"] = "谈话" });

        var notPermitted = await MeasureAsync("not permitted", async () =>
            Assert.Equal(HttpStatusCode.Conflict, (await unit.SendAsync(instance, "take-oath", "2026-11-11")).StatusCode));
        var malformed = await MeasureAsync("malformed", async () =>
            Assert.Equal(HttpStatusCode.BadRequest, (await api.ActAsync(instance, "confirm-activist", new JsonObject { ["date"] = "soon" }, unit.Secretary)).StatusCode));
        var malformedStart = await MeasureAsync("malformed start", async () =>
            Assert.Equal(HttpStatusCode.BadRequest, (await api.SubmitAsync(unit.Branch, unit.Secretary, "x", "soon")).StatusCode));

        // The one read and the refusal's audit row; a start's facts are judged before any read (and a
        // body that does not bind is refused before the route runs: nothing to audit).
        AssertRefusalRecorded("not permitted", notPermitted);
        AssertRefusalRecorded("malformed", malformed);
        AssertRefusalRecorded("malformed start", malformedStart, reads: 0);
    }

    [Fact]
    public async Task Every_step_of_an_establishment_stays_within_the_budget()
    {
        var committee = Guid.Parse((await ApiClient.ExpectAsync(await api.Client.PostAsJsonAsync("/api/party-organizations",
            new { name = "东山县两新工委", kind = "work-committee", countyCode = "990101" }), HttpStatusCode.Created))["id"]!.GetValue<string>());
        var holding = await api.CreateOrganizationAsync("branch");
        var staff = await api.CreateMemberAsync(holding);
        async Task<(Guid Unit, JsonArray Members)> UnitAsync(int n)
        {
            var unit = Guid.Parse((await ApiClient.ExpectAsync(await api.Client.PostAsJsonAsync("/api/units", new
            {
                name = $"企业{n}", type = "non-public-enterprise", creditCode = CreditCodes.Next(), countyCode = "990101", industryCode = "C", hasFixedPremises = true,
            }), HttpStatusCode.Created))["id"]!.GetValue<string>());
            var members = new JsonArray();
            for (var i = 0; i < 3; i++)
                members.Add((await ApiClient.ExpectAsync(await api.Client.PostAsJsonAsync("/api/members", new
                {
                    name = $"党员{i}", gender = "male", ethnicity = "汉族", citizenId = CitizenIds.For(new DateOnly(1980 + i, 1 + n, 1)), branchId = holding, membership = "full", unitId = unit,
                }), HttpStatusCode.Created))["id"]!.GetValue<string>());
            return (unit, members);
        }
        async Task<Guid> Start(Guid unit, JsonArray members) => Guid.Parse((await ApiClient.ExpectAsync(await api.PostAsync("/api/establishments", new JsonObject
        {
            ["actorId"] = staff.ToString(), ["actorRole"] = "work-committee", ["date"] = "2026-11-02", ["workCommitteeId"] = committee.ToString(),
            ["name"] = "某公司党支部", ["mode"] = "standalone", ["proposedKind"] = "branch", ["unitIds"] = new JsonArray(unit.ToString()), ["foundingMemberIds"] = members.DeepClone(),
        }), HttpStatusCode.Created))["id"]!.GetValue<string>());
        async Task Act(Guid instance, string action, JsonObject facts) =>
            await ApiClient.ExpectAsync(await api.ActAsync(instance, action, facts, staff, "work-committee"), HttpStatusCode.OK);
        var steps = (JsonArray members) => new (string Action, JsonObject Facts)[]
        {
            ("review-request", new JsonObject { ["date"] = "2026-11-05", ["decision"] = "approved" }),
            ("hold-founding-meeting", new JsonObject
            {
                ["date"] = "2026-11-10", ["voterIds"] = members.DeepClone(), ["entitled"] = 3, ["present"] = 3, ["ballotsCast"] = 3, ["seats"] = 1,
                ["candidates"] = new JsonArray(new JsonObject { ["memberId"] = members[0]!.GetValue<string>(), ["yes"] = 3, ["no"] = 0, ["abstain"] = 0 }),
            }),
            ("approve-election", new JsonObject { ["date"] = "2026-11-12", ["decision"] = "approved" }),
            ("register-organization", new JsonObject { ["date"] = "2026-11-15" }),
            ("hang-plaque", new JsonObject { ["date"] = "2026-11-20" }),
            ("deliver-welcome-package", new JsonObject { ["date"] = "2026-11-25", ["items"] = new JsonArray("party-flag", "seal") }),
        };
        // Warm up one request through every step, then measure another.
        var (warmUnit, warmMembers) = await UnitAsync(1);
        var warm = await Start(warmUnit, warmMembers);
        foreach (var (action, facts) in steps(warmMembers)) await Act(warm, action, facts);

        var (unit, members) = await UnitAsync(2);
        Guid instance = default;
        AssertOneTransaction("establishment start", await MeasureAsync("establishment start", async () => instance = await Start(unit, members)));
        // Every step within the budget, effects included: registration's founding members, the plaque's
        // organization and units and the package's items come in the action's one read (IEffectHandler.Prefetch).
        foreach (var (action, facts) in steps(members))
            AssertOneTransaction(action, await MeasureAsync(action, () => Act(instance, action, facts)));
    }

    [Fact]
    public async Task A_renewal_of_an_organization_on_record_stays_within_the_budget()
    {
        var holding = await api.CreateOrganizationAsync("branch");
        var staff = await api.CreateMemberAsync(holding);
        async Task<Guid> RenewAsync(bool measure)
        {
            // An organization entered on record, its term ended 2026-11-01; the renewal is late, with an approval.
            var branch = await api.CreateOrganizationAsync("branch");
            var secretary = await api.CreateMemberAsync(branch);
            await ApiClient.ExpectAsync(await api.Client.PostAsJsonAsync($"/api/party-organizations/{branch}/terms", new { electedOn = "2023-11-01" }), HttpStatusCode.Created);
            Guid renewal = default;
            async Task Start() => renewal = Guid.Parse((await ApiClient.ExpectAsync(await api.PostAsync("/api/definitions/organization-renewal/instances", new JsonObject
            {
                ["actorId"] = staff.ToString(), ["actorRole"] = "branch", ["date"] = "2026-11-20", ["organizationId"] = branch.ToString(),
                ["entitled"] = 3, ["present"] = 3, ["ballotsCast"] = 3, ["seats"] = 1, ["termChangeApproval"] = "县两新工委同意延期换届",
                ["candidates"] = new JsonArray(new JsonObject { ["memberId"] = secretary.ToString(), ["yes"] = 3, ["no"] = 0, ["abstain"] = 0 }),
            }), HttpStatusCode.Created))["id"]!.GetValue<string>());
            async Task Approve() => await ApiClient.ExpectAsync(await api.ActAsync(renewal, "approve-renewal",
                new JsonObject { ["date"] = "2026-11-25", ["decision"] = "approved" }, staff, "work-committee"), HttpStatusCode.OK);
            if (!measure)
            {
                await Start();
                await Approve();
                return renewal;
            }
            AssertOneTransaction("renewal start", await MeasureAsync("renewal start", Start));
            AssertOneTransaction("approve-renewal", await MeasureAsync("approve-renewal", Approve));
            return renewal;
        }
        await RenewAsync(measure: false);
        await RenewAsync(measure: true);
    }
}
