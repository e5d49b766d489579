using System.Text.Json.Nodes;
using PartyWorkflow.Api.Tests.Infrastructure;

namespace PartyWorkflow.Api.Tests;

public sealed class FullProcessTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task An_application_goes_through_all_25_steps_to_full_membership()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var citizenId = CitizenIds.For(new DateOnly(1995, 5, 5));
        var instance = await unit.ApplyAsync("2023-06-01", citizenId);
        await unit.AdvanceToAdmissionMeetingAsync(instance);

        var meeting = await unit.ActAsync(instance, "branch-meeting-admission", "2024-09-10", Unit.Tally(10, 8, 7, 1));
        Assert.Equal("passed", meeting["outcome"]!.GetValue<string>());
        await unit.ActAsync(instance, "committee-talk", "2024-09-20", new JsonObject { ["talkerId"] = unit.Members[3].ToString(), ["opinion"] = "同意" });
        var approval = await unit.ActAsync(instance, "committee-approval", "2024-10-10", new JsonObject
        {
            ["decision"] = "approved", ["approverOrganizationId"] = unit.Committee.ToString(),
        });
        Assert.Equal("2024-09-10", approval["computedDates"]!["probationStart"]!.GetValue<string>());
        Assert.Equal("2025-09-10", approval["computedDates"]!["probationEnd"]!.GetValue<string>());

        var view = await fixture.Api.GetAsync($"/api/instances/{instance}");
        var personId = view["subjectId"]!.GetValue<string>();
        var probationer = await fixture.Api.GetAsync($"/api/members/{personId}");
        Assert.Equal("probationary", probationer["membership"]!.GetValue<string>());
        Assert.False(probationer["hasVotingRights"]!.GetValue<bool>());
        Assert.Contains(view["openDeadlines"]!.AsArray(), d => d!["kind"]!.GetValue<string>() == "probation-end" && d["dueDate"]!.GetValue<string>() == "2025-09-10");

        await unit.ActAsync(instance, "file-with-organization-department", "2024-10-15");
        await unit.ActAsync(instance, "assign-to-group", "2024-10-20", new JsonObject { ["partyGroup"] = "第一党小组" });
        await unit.ActAsync(instance, "take-oath", "2024-11-01");
        await unit.ActAsync(instance, "record-probation-inspection", "2025-03-01", new JsonObject { ["assessment"] = "良好" });
        await unit.ActAsync(instance, "apply-for-full-membership", "2025-09-01");
        var confirmation = await unit.ActAsync(instance, "branch-meeting-confirmation", "2025-09-12",
            new JsonObject { ["proposal"] = "confirm" }.Merge(Unit.Tally(10, 9, 9)));
        Assert.Equal("passed", confirmation["outcome"]!.GetValue<string>());
        var confirmed = await unit.ActAsync(instance, "committee-approval-confirmation", "2025-10-01", new JsonObject
        {
            ["decision"] = "approved", ["approverOrganizationId"] = unit.Committee.ToString(),
        });
        Assert.Equal("confirmed", confirmed["outcome"]!.GetValue<string>());
        Assert.Equal("2025-09-10", confirmed["computedDates"]!["fullMembershipDate"]!.GetValue<string>());
        var archived = await unit.ActAsync(instance, "archive-materials", "2025-10-15", new JsonObject { ["archiveReference"] = "档案-2025-01" });
        Assert.Equal("full-member", archived["state"]!.GetValue<string>());

        var response = await fixture.Api.Client.GetAsync($"/api/instances/{instance}");
        var text = await response.Content.ReadAsStringAsync();
        var final = JsonNode.Parse(text)!.AsObject();
        Assert.Equal("full-member", final["endState"]!.GetValue<string>());
        Assert.False(final["isOpen"]!.GetValue<bool>());
        Assert.Empty(final["permittedActions"]!.AsArray());
        Assert.Empty(final["openDeadlines"]!.AsArray());
        Assert.Equal($"\"{final["version"]}\"", response.Headers.ETag!.Tag);

        // History: one row per action, in order, each with who, when, from and to, and no personal data.
        string[] expected =
        [
            "submit-application", "initial-talk", "confirm-activist", "file-activist-record", "assign-contacts",
            "record-inspection", "record-thought-report", "record-inspection", "designate-development-target",
            "file-target-record", "assign-sponsors", "political-review", "complete-training", "branch-committee-review",
            "pre-review", "fill-application-form", "branch-meeting-admission", "committee-talk", "committee-approval",
            "file-with-organization-department", "assign-to-group", "take-oath", "record-probation-inspection",
            "apply-for-full-membership", "branch-meeting-confirmation", "committee-approval-confirmation", "archive-materials",
        ];
        var history = final["history"]!.AsArray();
        Assert.Equal(expected, history.Select(h => h!["actionId"]!.GetValue<string>()));
        Assert.Equal(Enumerable.Range(1, expected.Length), history.Select(h => h!["sequence"]!.GetValue<int>()));
        Assert.All(history, h => Assert.Equal(unit.Secretary.ToString(), h!["actorId"]!.GetValue<string>()));
        Assert.Equal("new", history[0]!["fromState"]!.GetValue<string>());
        Assert.Equal("full-member", history[^1]!["toState"]!.GetValue<string>());
        Assert.Equal("take-oath", history[22]!["toState"]!.GetValue<string>());
        Assert.DoesNotContain(citizenId, text);
        Assert.DoesNotContain("13800000000", text);
        Assert.Equal(25, history.Select(h => h!["actionId"]!.GetValue<string>()).Where(a => a != "record-thought-report").Distinct().Count());

        var member = await fixture.Api.GetAsync($"/api/members/{personId}");
        Assert.Equal("full", member["membership"]!.GetValue<string>());
        Assert.True(member["hasVotingRights"]!.GetValue<bool>());
        Assert.Equal("2025-09-10", member["fullMembershipDate"]!.GetValue<string>());
        Assert.Equal("2024-09-10", member["probationStart"]!.GetValue<string>());
        Assert.Equal("2025-09-10", member["probationEnd"]!.GetValue<string>());
        Assert.Equal(unit.Branch.ToString(), member["branchId"]!.GetValue<string>());
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Merge(this JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source) target[key] = value?.DeepClone();
        return target;
    }
}
