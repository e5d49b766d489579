using Microsoft.Extensions.Time.Testing;
using PartyWorkflow.Api.Tests.Infrastructure;

namespace PartyWorkflow.Api.Tests.Reminders;

/// <summary>Timers are rows, not memory: after downtime the next sweep catches up on all that fell due, once.</summary>
public sealed class CatchUpTests
{
    [Fact]
    public async Task After_two_weeks_without_sweeps_a_restarted_server_catches_up_without_duplicates()
    {
        var database = await TestDatabases.CreatePostgresAsync();
        var time = new FakeTimeProvider(Sweeps.Morning(new DateOnly(2026, 12, 1)));
        Guid instance;
        Guid branch, committee;
        await using (var before = new ApiFactory(database, time))
        {
            var unit = await Unit.CreateAsync(new ApiClient(before.CreateSignedInClient()));
            (branch, committee) = (unit.Branch, unit.Committee);
            instance = await unit.ApplyAsync("2026-12-01");
            for (var day = new DateOnly(2026, 12, 2); day <= new DateOnly(2026, 12, 28); day = day.AddDays(1))
            {
                time.SetUtcNow(Sweeps.Morning(day));
                await before.SweepAsync();
            }
            Assert.Single(await before.RemindersAsync(instance)); // the "before" reminder of 2026-12-25
        }

        // Down from 2026-12-29 to 2027-01-16: the due day (01-01) and two weekly overdue days (01-08, 01-15) pass.
        time.SetUtcNow(Sweeps.Morning(new DateOnly(2027, 1, 16)));
        await using var after = new ApiFactory(database, time);
        Assert.Equal(5, await after.SweepAsync());
        Assert.Equal(0, await after.SweepAsync());

        var reminders = (await after.RemindersAsync(instance)).Select(r => (r.FireOn.ToString("yyyy-MM-dd"), r.ReminderKind, r.Occurrence, r.RecipientId)).ToList();
        Assert.Equal(
        [
            ("2026-12-25", "before", 0, branch),
            ("2027-01-01", "due", 0, branch),
            ("2027-01-08", "overdue", 1, branch),
            ("2027-01-08", "overdue", 1, committee),
            ("2027-01-15", "overdue", 2, branch),
            ("2027-01-15", "overdue", 2, committee),
        ], reminders.OrderBy(r => r.Item1).ThenBy(r => r.RecipientId == branch ? 0 : 1));

        var client = new ApiClient(after.CreateSignedInClient());
        Assert.Single(System.Text.Json.Nodes.JsonNode.Parse(await client.Client.GetStringAsync("/api/deadlines?overdue=true"))!.AsArray());
        var status = await client.GetAsync("/health");
        Assert.NotNull(status["scheduler"]!["lastSweepAt"]);
        Assert.NotEmpty(status["scheduler"]!["nodes"]!.AsArray());
    }
}
