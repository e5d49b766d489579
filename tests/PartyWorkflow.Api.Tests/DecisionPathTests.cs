using System.Text.Json.Nodes;
using PartyWorkflow.Api.Tests.Infrastructure;

namespace PartyWorkflow.Api.Tests;

/// <summary>Decisions that go against the person are recorded, not refused, and send the instance where the spec says.</summary>
public sealed class DecisionPathTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private static JsonObject Review(string result) => new() { ["result"] = result, ["conclusion"] = result == "passed" ? "政治合格" : "存在问题，暂不合格" };

    private static JsonObject Training() => new() { ["days"] = 3, ["classHours"] = 24 };

    private static JsonObject Passed() => new() { ["result"] = "passed" };

    private static JsonObject PreReview(Unit unit, string result = "passed") => new()
    {
        ["result"] = result, ["approverOrganizationId"] = unit.Committee.ToString(), ["leavingUnitWithin3Months"] = false,
    };

    private static void AssertRow(JsonNode row, string actionId, string outcome, Guid branch, string toState)
    {
        Assert.Equal(actionId, row["actionId"]!.GetValue<string>());
        Assert.Equal(outcome, row["outcome"]!.GetValue<string>());
        Assert.Equal(branch.ToString(), row["organizationId"]!.GetValue<string>());
        Assert.Equal(toState, row["toState"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failed_political_review_is_recorded_and_a_new_review_may_follow()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.StartAsync("assign-sponsors");

        var failed = await unit.ActAsync(instance, "political-review", "2024-07-20", Review("failed"));
        Assert.Equal("failed", failed["outcome"]!.GetValue<string>());
        Assert.Equal("political-review", failed["state"]!.GetValue<string>());

        var view = await unit.ViewAsync(instance);
        Assert.Equal("political-review", view["step"]!.GetValue<string>());
        var row = view.LastHistoryRow();
        AssertRow(row, "political-review", "failed", unit.Branch, "political-review");
        Assert.Equal("failed", row["facts"]!["result"]!.GetValue<string>());
        Assert.Contains("political-review", view.PermittedActionIds());
        Assert.Contains("complete-training", view.PermittedActionIds());

        var passed = await unit.ActAsync(instance, "political-review", "2024-07-25", Review("passed"));
        Assert.Equal("passed", passed["outcome"]!.GetValue<string>());
        Assert.Equal("political-review", passed["state"]!.GetValue<string>());
        await unit.ActAsync(instance, "complete-training", "2024-08-01", Training());
        var review = await unit.ActAsync(instance, "branch-committee-review", "2024-08-20", Passed());
        Assert.Equal("passed", review["outcome"]!.GetValue<string>());
        Assert.Equal("branch-committee-review", review["state"]!.GetValue<string>());

        var history = (await unit.ViewAsync(instance))["history"]!.AsArray();
        Assert.Equal(["failed", "passed"], history.Where(h => h!["actionId"]!.GetValue<string>() == "political-review").Select(h => h!["outcome"]!.GetValue<string>()));
    }

    [Fact]
    public async Task After_a_failed_political_review_the_branch_committee_review_is_refused_until_a_new_review_passes()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.StartAsync("assign-sponsors");
        await unit.ActAsync(instance, "political-review", "2024-07-20", Review("failed"));
        await unit.ActAsync(instance, "complete-training", "2024-08-01", Training());

        var view = await unit.ViewAsync(instance);
        var next = view["permittedActions"]!.AsArray().Single(a => a!["actionId"]!.GetValue<string>() == "branch-committee-review")!;
        Assert.Contains(next["failingRules"]!.AsArray(), r => r!["ruleId"]!.GetValue<string>() == "political-review-passed");

        Assert.Equal(["political-review-passed"], await unit.RefusedAsync(instance, "branch-committee-review", "2024-08-20", Passed()));

        // "A new review may be recorded later": the training is on file, the new review passes, and the review at step 12 may go ahead.
        var again = await unit.ActAsync(instance, "political-review", "2024-08-10", Review("passed"));
        Assert.Equal("passed", again["outcome"]!.GetValue<string>());
        var review = await unit.ActAsync(instance, "branch-committee-review", "2024-08-20", Passed());
        Assert.Equal("passed", review["outcome"]!.GetValue<string>());
        Assert.Equal("branch-committee-review", review["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failed_branch_committee_review_and_a_failed_pre_review_are_recorded_and_go_back_to_training_done()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.StartAsync("complete-training");

        var committee = await unit.ActAsync(instance, "branch-committee-review", "2024-08-20", new JsonObject { ["result"] = "failed" });
        Assert.Equal("failed", committee["outcome"]!.GetValue<string>());
        Assert.Equal("complete-training", committee["state"]!.GetValue<string>());
        var view = await unit.ViewAsync(instance);
        Assert.Equal("development-target", view["stage"]!.GetValue<string>());
        AssertRow(view.LastHistoryRow(), "branch-committee-review", "failed", unit.Branch, "complete-training");
        Assert.Contains("branch-committee-review", view.PermittedActionIds());

        await unit.ActAsync(instance, "branch-committee-review", "2024-09-20", Passed());
        var pre = await unit.ActAsync(instance, "pre-review", "2024-09-25", PreReview(unit, "failed"));
        Assert.Equal("failed", pre["outcome"]!.GetValue<string>());
        Assert.Equal("complete-training", pre["state"]!.GetValue<string>());
        view = await unit.ViewAsync(instance);
        AssertRow(view.LastHistoryRow(), "pre-review", "failed", unit.Branch, "complete-training");
        Assert.Equal("complete-training", view["step"]!.GetValue<string>());

        var rows = view["history"]!.AsArray().Skip(view["history"]!.AsArray().Count - 3)
            .Select(h => $"{h!["actionId"]!.GetValue<string>()}:{h["outcome"]!.GetValue<string>()}");
        Assert.Equal(["branch-committee-review:failed", "branch-committee-review:passed", "pre-review:failed"], rows);

        // From there the branch may try again.
        await unit.ActAsync(instance, "branch-committee-review", "2024-10-20", Passed());
        var second = await unit.ActAsync(instance, "pre-review", "2024-10-25", PreReview(unit));
        Assert.Equal("pre-review", second["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_rejected_committee_approval_is_recorded_closes_the_approval_deadline_and_makes_no_one_a_member()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.StartAsync("committee-talk");
        Assert.Contains("admission-approval-due", (await unit.ViewAsync(instance)).OpenDeadlineKinds());

        var rejected = await unit.ActAsync(instance, "committee-approval", "2024-10-10", Journeys.Approval(unit.Committee, "rejected"));
        Assert.Equal("rejected", rejected["outcome"]!.GetValue<string>());
        Assert.Equal("complete-training", rejected["state"]!.GetValue<string>());
        Assert.True(rejected["isOpen"]!.GetValue<bool>());
        Assert.Empty(rejected["computedDates"]!.AsObject());

        var view = await unit.ViewAsync(instance);
        Assert.Equal("development-target", view["stage"]!.GetValue<string>());
        AssertRow(view.LastHistoryRow(), "committee-approval", "rejected", unit.Branch, "complete-training");
        Assert.DoesNotContain("admission-approval-due", view.OpenDeadlineKinds());
        Assert.DoesNotContain("probation-end", view.OpenDeadlineKinds());
        Assert.False(view["computedDates"]!.AsObject().ContainsKey("probationEnd"));
        Assert.Contains("branch-committee-review", view.PermittedActionIds());

        await unit.AssertNotAMemberAsync(await unit.PersonIdAsync(instance));
    }

    [Fact]
    public async Task A_confirmation_meeting_without_a_majority_of_the_entitled_is_not_decided_and_waits_for_another_meeting()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.StartAsync("apply-for-full-membership");

        var meeting = await unit.ActAsync(instance, "branch-meeting-confirmation", "2025-09-12", Journeys.Confirmation("confirm", Unit.Tally(10, 8, 5, 2, 1)));
        Assert.Equal("not-decided", meeting["outcome"]!.GetValue<string>());
        Assert.Equal("apply-for-full-membership", meeting["state"]!.GetValue<string>());
        Assert.Equal("majority-of-entitled", meeting["decidedBy"]!["ruleId"]!.GetValue<string>());

        var view = await unit.ViewAsync(instance);
        AssertRow(view.LastHistoryRow(), "branch-meeting-confirmation", "not-decided", unit.Branch, "apply-for-full-membership");
        var probationEnd = Assert.Single(view["openDeadlines"]!.AsArray(), d => d!["kind"]!.GetValue<string>() == "probation-end")!;
        Assert.Equal("2025-09-10", probationEnd["dueDate"]!.GetValue<string>());
        Assert.DoesNotContain("confirmation-approval-due", view.OpenDeadlineKinds());
        Assert.Contains("branch-meeting-confirmation", view.PermittedActionIds());
        var member = await fixture.Api.GetAsync($"/api/members/{view["subjectId"]}");
        Assert.Equal("probationary", member["membership"]!.GetValue<string>());

        var second = await unit.ActAsync(instance, "branch-meeting-confirmation", "2025-09-20", Journeys.Confirmation("confirm", Unit.Tally(10, 8, 8)));
        Assert.Equal("passed", second["outcome"]!.GetValue<string>());
        view = await unit.ViewAsync(instance);
        Assert.DoesNotContain("probation-end", view.OpenDeadlineKinds());
        Assert.Contains("confirmation-approval-due", view.OpenDeadlineKinds());
    }

    [Fact]
    public async Task An_approved_extension_moves_the_end_of_probation_once_and_full_membership_counts_from_the_new_end()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.StartAsync("apply-for-full-membership");
        var personId = await unit.PersonIdAsync(instance);

        var meeting = await unit.ActAsync(instance, "branch-meeting-confirmation", "2025-09-12", Journeys.Confirmation("extend", Unit.Tally(10, 9, 8, 1), 6));
        Assert.Equal("passed", meeting["outcome"]!.GetValue<string>());
        var extended = await unit.ActAsync(instance, "committee-approval-confirmation", "2025-10-01", Journeys.Approval(unit.Committee));
        Assert.Equal("extended", extended["outcome"]!.GetValue<string>());
        Assert.Equal("take-oath", extended["state"]!.GetValue<string>());
        Assert.Equal("2026-03-10", extended["computedDates"]!["probationEnd"]!.GetValue<string>());
        Assert.False(extended["computedDates"]!.AsObject().ContainsKey("fullMembershipDate"));

        var view = await unit.ViewAsync(instance);
        Assert.Equal("probation", view["stage"]!.GetValue<string>());
        AssertRow(view.LastHistoryRow(), "committee-approval-confirmation", "extended", unit.Branch, "take-oath");
        Assert.Equal("2026-03-10", view["computedDates"]!["probationEnd"]!.GetValue<string>());
        Assert.Equal("2024-09-10", view["computedDates"]!["probationStart"]!.GetValue<string>());
        var deadline = Assert.Single(view["openDeadlines"]!.AsArray(), d => d!["kind"]!.GetValue<string>() == "probation-end")!;
        Assert.Equal("2026-03-10", deadline["dueDate"]!.GetValue<string>());
        Assert.DoesNotContain("confirmation-approval-due", view.OpenDeadlineKinds());
        Assert.Contains("apply-for-full-membership", view.PermittedActionIds());
        Assert.Contains("record-probation-inspection", view.PermittedActionIds());

        var member = await fixture.Api.GetAsync($"/api/members/{personId}");
        Assert.Equal("probationary", member["membership"]!.GetValue<string>());
        Assert.False(member["hasVotingRights"]!.GetValue<bool>());
        Assert.Equal("2026-03-10", member["probationEnd"]!.GetValue<string>());
        Assert.Null(member["fullMembershipDate"]);

        // Probation again: steps 21 to 23.
        await unit.ActAsync(instance, "record-probation-inspection", "2025-12-01", new JsonObject { ["assessment"] = "有进步" });
        await unit.ActAsync(instance, "apply-for-full-membership", "2026-02-20");
        Assert.Equal(["not-before-probation-end"],
            await unit.RefusedAsync(instance, "branch-meeting-confirmation", "2026-03-01", Journeys.Confirmation("confirm", Unit.Tally(10, 9, 9))));
        Assert.Equal(["extension-once"],
            await unit.RefusedAsync(instance, "branch-meeting-confirmation", "2026-03-12", Journeys.Confirmation("extend", Unit.Tally(10, 9, 9), 6)));

        var confirm = await unit.ActAsync(instance, "branch-meeting-confirmation", "2026-03-12", Journeys.Confirmation("confirm", Unit.Tally(10, 9, 9)));
        Assert.Equal("passed", confirm["outcome"]!.GetValue<string>());
        var confirmed = await unit.ActAsync(instance, "committee-approval-confirmation", "2026-03-20", Journeys.Approval(unit.Committee));
        Assert.Equal("confirmed", confirmed["outcome"]!.GetValue<string>());
        Assert.Equal("2026-03-10", confirmed["computedDates"]!["fullMembershipDate"]!.GetValue<string>());

        member = await fixture.Api.GetAsync($"/api/members/{personId}");
        Assert.Equal("full", member["membership"]!.GetValue<string>());
        Assert.True(member["hasVotingRights"]!.GetValue<bool>());
        Assert.Equal("2026-03-10", member["fullMembershipDate"]!.GetValue<string>());
        Assert.Equal("2026-03-10", member["probationEnd"]!.GetValue<string>());
        Assert.Equal("2024-09-10", member["probationStart"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_approved_cancellation_ends_the_process_and_the_person_is_no_longer_a_member()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.StartAsync("apply-for-full-membership");
        var personId = await unit.PersonIdAsync(instance);

        var meeting = await unit.ActAsync(instance, "branch-meeting-confirmation", "2025-09-12", Journeys.Confirmation("cancel", Unit.Tally(10, 9, 7, 2)));
        Assert.Equal("passed", meeting["outcome"]!.GetValue<string>());
        var cancelled = await unit.ActAsync(instance, "committee-approval-confirmation", "2025-10-01", Journeys.Approval(unit.Committee));
        Assert.Equal("cancelled", cancelled["outcome"]!.GetValue<string>());
        Assert.Equal("probation-cancelled", cancelled["state"]!.GetValue<string>());
        Assert.False(cancelled["isOpen"]!.GetValue<bool>());

        var view = await unit.ViewAsync(instance);
        Assert.Equal("probation-cancelled", view["endState"]!.GetValue<string>());
        Assert.False(view["isOpen"]!.GetValue<bool>());
        Assert.Empty(view["openDeadlines"]!.AsArray());
        Assert.Empty(view["permittedActions"]!.AsArray());
        AssertRow(view.LastHistoryRow(), "committee-approval-confirmation", "cancelled", unit.Branch, "probation-cancelled");

        await unit.AssertNotAMemberAsync(personId);
    }

    [Fact]
    public async Task A_rejected_confirmation_approval_is_recorded_and_goes_back_to_the_application_for_full_membership()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.StartAsync("apply-for-full-membership");

        await unit.ActAsync(instance, "branch-meeting-confirmation", "2025-09-12", Journeys.Confirmation("confirm", Unit.Tally(10, 9, 9)));
        var rejected = await unit.ActAsync(instance, "committee-approval-confirmation", "2025-10-01", Journeys.Approval(unit.Committee, "rejected"));
        Assert.Equal("rejected", rejected["outcome"]!.GetValue<string>());
        Assert.Equal("apply-for-full-membership", rejected["state"]!.GetValue<string>());
        Assert.True(rejected["isOpen"]!.GetValue<bool>());
        Assert.False(rejected["computedDates"]!.AsObject().ContainsKey("fullMembershipDate"));

        var view = await unit.ViewAsync(instance);
        AssertRow(view.LastHistoryRow(), "committee-approval-confirmation", "rejected", unit.Branch, "apply-for-full-membership");
        Assert.DoesNotContain("confirmation-approval-due", view.OpenDeadlineKinds());
        Assert.Contains("branch-meeting-confirmation", view.PermittedActionIds());
        var member = await fixture.Api.GetAsync($"/api/members/{view["subjectId"]}");
        Assert.Equal("probationary", member["membership"]!.GetValue<string>());
        Assert.Null(member["fullMembershipDate"]);
    }

    [Fact]
    public async Task The_committee_approves_within_3_months_up_to_6_with_a_special_reason_and_only_with_authority()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.StartAsync("committee-talk");
        var generalBranch = await fixture.Api.CreateOrganizationAsync("general-branch", unit.Committee, name: "某党总支");
        var villageCommittee = await fixture.Api.CreateOrganizationAsync("party-committee", unit.Committee, approvalAuthority: false, name: "某村党委");

        Assert.Equal(["approver-has-authority"], await unit.RefusedAsync(instance, "committee-approval", "2024-10-10", Journeys.Approval(unit.Branch)));
        Assert.Equal(["approver-has-authority"], await unit.RefusedAsync(instance, "committee-approval", "2024-10-10", Journeys.Approval(generalBranch)));
        Assert.Equal(["approver-has-authority"], await unit.RefusedAsync(instance, "committee-approval", "2024-10-10", Journeys.Approval(villageCommittee)));

        // The meeting was on 2024-09-10: due by 2024-12-10, never after 2025-03-10.
        Assert.Equal(["approval-within-3-months"], await unit.RefusedAsync(instance, "committee-approval", "2024-12-20", Journeys.Approval(unit.Committee)));
        Assert.Equal(["approval-within-3-months"],
            await unit.RefusedAsync(instance, "committee-approval", "2025-03-11", Journeys.Approval(unit.Committee, specialReason: "党委换届")));

        var approved = await unit.ActAsync(instance, "committee-approval", "2024-12-20", Journeys.Approval(unit.Committee, specialReason: "党委换届，审批会议推迟"));
        Assert.Equal("approved", approved["outcome"]!.GetValue<string>());
        Assert.Equal("committee-approval", approved["state"]!.GetValue<string>());
        Assert.Equal("2025-09-10", approved["computedDates"]!["probationEnd"]!.GetValue<string>());
        var view = await unit.ViewAsync(instance);
        var row = view.LastHistoryRow();
        AssertRow(row, "committee-approval", "approved", unit.Branch, "committee-approval");
        Assert.Equal("党委换届，审批会议推迟", row["facts"]!["specialReason"]!.GetValue<string>());
        Assert.DoesNotContain("admission-approval-due", view.OpenDeadlineKinds());
    }
}
