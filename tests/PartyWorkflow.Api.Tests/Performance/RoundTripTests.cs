using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyWorkflow.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PartyWorkflow.Api.Tests.Performance;

/// <summary>
/// The database work of an action and of a start, counted: commands EF sends (each a round trip,
/// COMMIT aside), commits and savepoints. The budget is a ratchet at today's figures, so the count
/// cannot grow unnoticed; issue 8's target is 3 round trips (one read, one write batch, COMMIT).
/// </summary>
public sealed class RoundTripTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly CommandCounter counter = new();
    private ApiFactory factory = null!;
    private ApiClient api = null!;

    public async Task InitializeAsync()
    {
        factory = new ApiFactory(await TestDatabases.CreatePostgresAsync(), new FakeTimeProvider(ApiFixture.Start),
            services: s => s.AddSingleton<IInterceptor>(counter));
        api = new ApiClient(factory.CreateClient());
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task An_action_and_a_start_stay_within_their_command_budget_in_one_transaction_without_savepoints()
    {
        var unit = await Unit.CreateAsync(api);
        var warmUp = await unit.ApplyAsync("2026-11-01");
        await unit.ActAsync(warmUp, "initial-talk", "2026-11-10", new JsonObject { ["talkerId"] = unit.Secretary.ToString(), ["notes"] = "谈话" });

        counter.Reset();
        var instance = await unit.ApplyAsync("2026-11-02");
        var start = (counter.Commands, counter.Commits, counter.Savepoints);

        counter.Reset();
        await unit.ActAsync(instance, "initial-talk", "2026-11-10", new JsonObject { ["talkerId"] = unit.Secretary.ToString(), ["notes"] = "谈话" });
        var action = (counter.Commands, counter.Commits, counter.Savepoints);

        var other = await unit.ApplyAsync("2026-11-03");
        counter.Reset();
        await ApiClient.ExpectAsync(await api.ActAsync(other, "initial-talk", new JsonObject { ["date"] = "2026-11-10", ["talkerId"] = unit.Secretary.ToString(), ["notes"] = "谈话" },
            unit.Secretary, idempotencyKey: "talk-1"), HttpStatusCode.OK);
        var keyed = (counter.Commands, counter.Commits, counter.Savepoints);

        counter.Reset();
        Assert.Equal(HttpStatusCode.Conflict, (await unit.SendAsync(other, "take-oath", "2026-11-11")).StatusCode);
        var notPermitted = counter.Commands;
        counter.Reset();
        Assert.Equal(HttpStatusCode.BadRequest, (await api.ActAsync(other, "confirm-activist", new JsonObject { ["date"] = "soon" }, unit.Secretary)).StatusCode);
        var malformed = counter.Commands;
        counter.Reset();
        Assert.Equal(HttpStatusCode.BadRequest, (await api.SubmitAsync(unit.Branch, unit.Secretary, "x", "soon")).StatusCode);
        var malformedStart = counter.Commands;
        // Refused for state or shape before any registry read: only the instance is read (none for a start).
        Assert.Equal((1, 1, 0), (notPermitted, malformed, malformedStart));

        output.WriteLine($"start: {start}; action: {action}; action with Idempotency-Key: {keyed} (commands, commits, savepoints)");
        // Measured 2026-12-02: start 7 commands, action 4, keyed action 6 (each plus COMMIT); the target is 2 commands + COMMIT.
        Assert.True(start.Commands <= 7, $"start: {start.Commands} commands");
        Assert.True(action.Commands <= 4, $"action: {action.Commands} commands");
        Assert.True(keyed.Commands <= 6, $"keyed action: {keyed.Commands} commands");
        foreach (var (commits, savepoints) in new[] { (start.Commits, start.Savepoints), (action.Commits, action.Savepoints), (keyed.Commits, keyed.Savepoints) })
        {
            Assert.Equal(1, commits);
            Assert.Equal(0, savepoints);
        }
    }
}
