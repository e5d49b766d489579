using System.Net;
using System.Text.Json.Nodes;
using PartyWorkflow.Api.Tests.Infrastructure;

namespace PartyWorkflow.Api.Tests.Reminders;

/// <summary>The deadline views a committee works from: who is due, who is overdue, per branch and committee.</summary>
public sealed class DeadlineViewTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Deadlines_are_listed_by_kind_date_organization_and_overdue_and_summed_per_branch_and_committee()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var otherBranch = await fixture.Api.CreateOrganizationAsync("branch", unit.Committee, name: "另一个党支部");
        var probationer = await unit.ApplyAsync();
        await unit.AdvanceToAdmissionMeetingAsync(probationer);
        await unit.ActAsync(probationer, "branch-meeting-admission", "2024-09-10", Unit.Tally(10, 8, 8));
        await unit.ActAsync(probationer, "committee-talk", "2024-09-20", new JsonObject { ["talkerId"] = unit.Members[3].ToString(), ["opinion"] = "同意" });
        await unit.ActAsync(probationer, "committee-approval", "2024-10-10", new JsonObject { ["decision"] = "approved", ["approverOrganizationId"] = unit.Committee.ToString() });
        var applicant = await unit.ApplyAsync("2026-11-30");

        var probationEnds = await ListAsync("kind=probation-end");
        var overdue = Assert.Single(probationEnds);
        Assert.Equal(probationer.ToString(), overdue["instanceId"]!.GetValue<string>());
        Assert.Equal("2025-09-10", overdue["dueDate"]!.GetValue<string>());
        Assert.True(overdue["overdue"]!.GetValue<bool>());
        Assert.Equal("预备期满", overdue["kindName"]!.GetValue<string>());
        Assert.Equal("某科技公司党支部", overdue["organizationName"]!.GetValue<string>());

        var comingUp = await ListAsync("dueBefore=2026-12-31&overdue=false");
        var talk = Assert.Single(comingUp);
        Assert.Equal(("initial-talk-due", applicant.ToString()), (talk["kind"]!.GetValue<string>(), talk["instanceId"]!.GetValue<string>()));
        Assert.Equal(30, talk["daysLeft"]!.GetValue<int>());

        Assert.Equal(2, (await ListAsync($"organization={unit.Committee}")).Count);
        Assert.Empty(await ListAsync($"organization={otherBranch}"));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Api.Client.GetAsync($"/api/deadlines?organization={Guid.NewGuid()}")).StatusCode);

        var summary = JsonNode.Parse(await fixture.Api.Client.GetStringAsync($"/api/deadlines/summary?organization={unit.Committee}"))!.AsArray();
        var byName = summary.ToDictionary(r => r!["organizationId"]!.GetValue<string>(), r => r!);
        Assert.Equal(2, byName.Count);
        foreach (var id in new[] { unit.Committee, unit.Branch })
        {
            var row = byName[id.ToString()];
            Assert.Equal((2, 1, 1), (row["open"]!.GetValue<int>(), row["overdue"]!.GetValue<int>(), row["dueWithin30Days"]!.GetValue<int>()));
        }
    }

    private async Task<List<JsonNode>> ListAsync(string query) =>
        JsonNode.Parse(await fixture.Api.Client.GetStringAsync($"/api/deadlines?{query}"))!.AsArray()
            .Select(n => n!).ToList();
}
