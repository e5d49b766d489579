using System.Text.Json.Nodes;
using PartyWorkflow.Api.Tests.Infrastructure;
using PartyWorkflow.Persistence.Entities;
using Unit = PartyWorkflow.Api.Tests.Infrastructure.Unit;

namespace PartyWorkflow.Api.Tests.Reminders;

/// <summary>
/// One application from submission to full membership over three years, swept every day on the
/// fake clock: exactly the expected reminders, on the expected days, to the expected recipients.
/// </summary>
public sealed class ReminderTimelineTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private DateOnly day = DateOnly.FromDateTime(ApiFixture.Start.UtcDateTime);

    [Fact]
    public async Task Three_years_from_application_to_full_membership_give_exactly_the_expected_reminders()
    {
        var api = fixture.Api;
        var county = await api.CreateOrganizationAsync("party-committee", name: "县委");
        var committee = await api.CreateOrganizationAsync("party-committee", county, approvalAuthority: true, name: "两新综合党委");
        var branch = await api.CreateOrganizationAsync("branch", committee, name: "企业党支部");
        var members = new List<Guid>();
        for (var i = 0; i < 4; i++) members.Add(await api.CreateMemberAsync(branch));
        var unit = new Unit(api, committee, branch, members);
        var talker = members[0].ToString();

        await RunUntilAsync("2026-12-01");
        var instance = await unit.ApplyAsync("2026-12-01");
        await Act(unit, instance, "2027-01-05", "initial-talk", new() { ["talkerId"] = talker, ["notes"] = "谈话" });
        await Act(unit, instance, "2027-01-10", "confirm-activist", new() { ["recommendationMethod"] = "member-recommendation" });
        await Act(unit, instance, "2027-01-11", "file-activist-record", []);
        await Act(unit, instance, "2027-01-12", "assign-contacts", new() { ["contactIds"] = new JsonArray(members[1].ToString()) });
        await Act(unit, instance, "2027-07-01", "record-inspection", new() { ["assessment"] = "良好" });
        await Act(unit, instance, "2027-12-20", "record-inspection", new() { ["assessment"] = "良好" });
        await Act(unit, instance, "2028-01-12", "designate-development-target", new() { ["opinionsHeard"] = new JsonArray("members") });
        await Act(unit, instance, "2028-01-13", "file-target-record", []);
        await Act(unit, instance, "2028-01-14", "assign-sponsors", new() { ["sponsorIds"] = new JsonArray(members[1].ToString(), members[2].ToString()) });
        await Act(unit, instance, "2028-01-20", "political-review", new() { ["result"] = "passed", ["conclusion"] = "合格" });
        await Act(unit, instance, "2028-02-01", "complete-training", new() { ["days"] = 3, ["classHours"] = 24 });
        await Act(unit, instance, "2028-02-10", "branch-committee-review", new() { ["result"] = "passed" });
        await Act(unit, instance, "2028-02-15", "pre-review", new() { ["result"] = "passed", ["approverOrganizationId"] = committee.ToString(), ["leavingUnitWithin3Months"] = false });
        await Act(unit, instance, "2028-02-20", "fill-application-form", new() { ["formNumber"] = "No.1" });
        await Act(unit, instance, "2028-03-01", "branch-meeting-admission", Unit.Tally(4, 4, 4));
        await Act(unit, instance, "2028-04-01", "committee-talk", new() { ["talkerId"] = talker, ["opinion"] = "同意" });
        await Act(unit, instance, "2028-05-10", "committee-approval", new() { ["decision"] = "approved", ["approverOrganizationId"] = committee.ToString() });
        await Act(unit, instance, "2028-05-15", "file-with-organization-department", []);
        await Act(unit, instance, "2028-05-20", "assign-to-group", new() { ["partyGroup"] = "第一党小组" });
        await Act(unit, instance, "2028-06-01", "take-oath", []);
        await Act(unit, instance, "2028-12-01", "record-probation-inspection", new() { ["assessment"] = "良好" });
        await Act(unit, instance, "2029-02-01", "apply-for-full-membership", []);
        // Probation ends 2029-03-01; the meeting comes late and extends it by six months.
        var extend = Unit.Tally(4, 4, 4);
        extend["proposal"] = "extend";
        extend["extensionMonths"] = 6;
        await Act(unit, instance, "2029-03-20", "branch-meeting-confirmation", extend);
        await Act(unit, instance, "2029-04-10", "committee-approval-confirmation", new() { ["decision"] = "approved", ["approverOrganizationId"] = committee.ToString() });
        await Act(unit, instance, "2029-06-01", "record-probation-inspection", new() { ["assessment"] = "良好" });
        await Act(unit, instance, "2029-08-10", "apply-for-full-membership", []);
        var confirm = Unit.Tally(4, 4, 4);
        confirm["proposal"] = "confirm";
        await Act(unit, instance, "2029-09-05", "branch-meeting-confirmation", confirm);
        await Act(unit, instance, "2029-10-01", "committee-approval-confirmation", new() { ["decision"] = "approved", ["approverOrganizationId"] = committee.ToString() });
        await Act(unit, instance, "2029-10-10", "archive-materials", new() { ["archiveReference"] = "档案-1" });
        await RunUntilAsync("2029-12-31");

        var person = Guid.Parse((await api.GetAsync($"/api/instances/{instance}"))["subjectId"]!.GetValue<string>());
        (string, string, string, int, Guid)[] expected =
        [
            ("2026-12-25", "initial-talk-due", "before", 0, branch),
            ("2027-01-01", "initial-talk-due", "due", 0, branch),
            ("2027-06-26", "inspection-due", "before", 0, branch),
            ("2027-12-18", "inspection-due", "before", 0, branch),
            ("2028-01-10", "designation-eligible", "due", 0, branch),
            ("2028-05-02", "admission-approval-due", "before", 0, committee),
            ("2029-01-30", "probation-end", "before", 0, person),
            ("2029-01-30", "probation-end", "before", 0, branch),
            ("2029-03-01", "probation-end", "due", 0, person),
            ("2029-03-01", "probation-end", "due", 0, branch),
            ("2029-03-08", "probation-end", "overdue", 1, branch),
            ("2029-03-08", "probation-end", "overdue", 1, committee),
            ("2029-03-15", "probation-end", "overdue", 2, branch),
            ("2029-03-15", "probation-end", "overdue", 2, committee),
            // The extension moves the end of probation to 2029-09-01, and its reminders with it.
            ("2029-08-02", "probation-end", "before", 0, person),
            ("2029-08-02", "probation-end", "before", 0, branch),
            ("2029-09-01", "probation-end", "due", 0, person),
            ("2029-09-01", "probation-end", "due", 0, branch),
            // The passing confirmation meeting on 2029-09-05 closes them: no overdue reminder follows.
        ];
        var written = (await fixture.Factory.RemindersAsync(instance))
            .Select(r => (Day(r.FireOn), r.DeadlineKind, r.ReminderKind, r.Occurrence, r.RecipientId))
            .OrderBy(r => r.Item1).ThenBy(r => r.DeadlineKind).ThenBy(r => r.RecipientId == person ? 0 : r.RecipientId == branch ? 1 : 2)
            .ToArray();
        Assert.Equal(expected, written);

        var inbox = JsonNode.Parse(await api.Client.GetStringAsync($"/api/inbox?member={person}"))!.AsArray();
        Assert.Equal(4, inbox.Count);
        Assert.All(inbox, i => Assert.Contains("预备期满", i!["subject"]!.GetValue<string>()));
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");

    private async Task Act(Unit unit, Guid instance, string date, string action, JsonObject facts)
    {
        await RunUntilAsync(date);
        await unit.ActAsync(instance, action, date, facts);
    }

    /// <summary>Moves the clock day by day up to <paramref name="until"/>, sweeping each morning.</summary>
    private async Task RunUntilAsync(string until)
    {
        var target = DateOnly.Parse(until);
        while (day < target)
        {
            day = day.AddDays(1);
            fixture.Time.SetUtcNow(Sweeps.Morning(day));
            await fixture.Factory.SweepAsync();
        }
    }
}
