using System.Net;
using System.Text.Json.Nodes;
using PartyWorkflow.Api.Tests.Infrastructure;

namespace PartyWorkflow.Api.Tests;

/// <summary>The embedded default: the same API on a SQLite file.</summary>
public sealed class SqliteSmokeTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    [Fact]
    public async Task An_application_advances_and_refuses_on_sqlite()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.ApplyAsync();
        await unit.AdvanceToAdmissionMeetingAsync(instance);

        var quorum = Unit.Tally(10, 5, 5);
        quorum["date"] = "2024-09-10";
        Assert.Equal(["meeting-quorum"], await ApiClient.UnmetRulesAsync(await fixture.Api.ActAsync(instance, "branch-meeting-admission", quorum, unit.Secretary, "branch-meeting")));

        var meeting = await unit.ActAsync(instance, "branch-meeting-admission", "2024-09-10", Unit.Tally(10, 8, 8));
        Assert.Equal("passed", meeting["outcome"]!.GetValue<string>());
        await unit.ActAsync(instance, "committee-talk", "2024-09-20", new JsonObject { ["talkerId"] = unit.Members[3].ToString(), ["opinion"] = "同意" });
        var approval = await unit.ActAsync(instance, "committee-approval", "2024-10-10", new JsonObject
        {
            ["decision"] = "approved", ["approverOrganizationId"] = unit.Committee.ToString(),
        });
        Assert.Equal("2025-09-10", approval["computedDates"]!["probationEnd"]!.GetValue<string>());

        var view = await fixture.Api.GetAsync($"/api/instances/{instance}");
        Assert.Equal("committee-approval", view["step"]!.GetValue<string>());
        Assert.Equal("admission", view["stage"]!.GetValue<string>());
        Assert.Contains(view["openDeadlines"]!.AsArray(), d => d!["kind"]!.GetValue<string>() == "probation-end");
    }

    [Fact]
    public async Task Concurrent_requests_on_sqlite_never_end_in_a_500()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.ApplyAsync();
        var talk = () => new JsonObject { ["date"] = "2023-06-15", ["talkerId"] = unit.Secretary.ToString(), ["notes"] = "谈话" };
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => fixture.Api.ActAsync(instance, "initial-talk", talk(), unit.Secretary))));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.ServiceUnavailable }));
    }

    [Fact]
    public async Task Reminders_are_swept_once_on_sqlite_and_reach_the_inbox()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var applied = DateOnly.FromDateTime(fixture.Time.GetUtcNow().UtcDateTime);
        var instance = await unit.ApplyAsync(applied.ToString("yyyy-MM-dd"));

        // The initial talk falls due a month later: the branch hears 7 days before and on the day.
        fixture.Time.SetUtcNow(Sweeps.Morning(applied.AddMonths(1)));
        Assert.Equal(2, await fixture.Factory.SweepAsync());
        Assert.Equal(0, await fixture.Factory.SweepAsync());

        var inbox = JsonNode.Parse(await fixture.Api.Client.GetStringAsync($"/api/inbox?organization={unit.Branch}"))!.AsArray();
        Assert.Equal(["due", "before"], inbox.Select(i => i!["reminderKind"]!.GetValue<string>()));
        Assert.All(inbox, i => Assert.Equal(instance.ToString(), i!["instanceId"]!.GetValue<string>()));
        var read = await fixture.Api.Client.PostAsync($"/api/inbox/{inbox[0]!["id"]}/read", null);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var unread = JsonNode.Parse(await fixture.Api.Client.GetStringAsync($"/api/inbox?organization={unit.Branch}&unreadOnly=true"))!.AsArray();
        Assert.Single(unread);
    }
}
