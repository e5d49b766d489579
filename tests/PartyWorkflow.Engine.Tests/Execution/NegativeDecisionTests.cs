using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Execution;

/// <summary>Decisions that go against the person are recorded, not refused.</summary>
public class NegativeDecisionTests(MemberDevelopmentWorkflow workflow) : IClassFixture<MemberDevelopmentWorkflow>
{
    private Journey Through(string action) => new Journey(workflow.Compiled).Through(action);

    [Fact]
    public void An_admission_meeting_without_a_majority_of_the_entitled_is_recorded_as_not_passed()
    {
        var journey = Through("fill-application-form");

        var accepted = journey.Take("branch-meeting-admission",
            """{ "date": "2026-06-10", "entitled": 10, "present": 6, "yes": 5, "no": 1, "abstain": 0 }""");

        Assert.Equal("not-passed", accepted.Outcome);
        Assert.Equal("complete-training", accepted.NewState);
        Assert.Equal("majority-of-entitled", accepted.DecidedBy?.RuleId);
        Assert.Empty(accepted.OpenDeadlines);
        Assert.Contains("meeting-resolution", journey.Instance.Documents);
    }

    [Fact]
    public void An_admission_meeting_with_a_majority_passes_without_a_deciding_reason()
    {
        var accepted = Through("fill-application-form").Take("branch-meeting-admission",
            """{ "date": "2026-06-10", "entitled": 10, "present": 6, "yes": 6, "no": 0, "abstain": 0 }""");

        Assert.Equal(("passed", "branch-meeting-admission"), (accepted.Outcome, accepted.NewState));
        Assert.Null(accepted.DecidedBy);
        Assert.Equal("admission-approval-due", Assert.Single(accepted.OpenDeadlines).Kind);
    }

    [Fact]
    public void A_rejected_admission_goes_back_to_a_trained_development_target()
    {
        var journey = Through("committee-talk");

        var accepted = journey.Take("committee-approval",
            $$"""{ "date": "2026-07-01", "decision": "rejected", "approverOrganizationId": "{{TestRegistry.PartyCommittee}}" }""");

        Assert.Equal(("rejected", "complete-training"), (accepted.Outcome, accepted.NewState));
        Assert.Null(accepted.Membership());
        Assert.Empty(accepted.ComputedDates);
        Assert.Equal(["admission-approval-due"], accepted.CloseDeadlines);
        Assert.True(workflow.Compiled.IsPermitted(journey.State, "branch-committee-review"));
    }

    [Fact]
    public void A_failed_political_review_is_recorded_and_a_new_review_may_follow()
    {
        var journey = Through("assign-sponsors");

        var accepted = journey.Take("political-review", """{ "date": "2026-04-01", "result": "failed", "conclusion": "有待进一步了解" }""");

        Assert.Equal(("failed", "political-review"), (accepted.Outcome, accepted.NewState));
        Assert.Equal("failed", (string?)journey.Instance.StepFacts("political-review")!["result"]);
        Assert.Equal("passed", journey.Take("political-review", """{ "date": "2026-04-20", "result": "passed", "conclusion": "合格" }""").Outcome);
    }

    [Fact]
    public void A_failed_branch_committee_review_goes_back_to_a_trained_development_target()
    {
        var accepted = Through("complete-training").Take("branch-committee-review", """{ "date": "2026-05-10", "result": "failed" }""");

        Assert.Equal(("failed", "complete-training"), (accepted.Outcome, accepted.NewState));
    }

    [Fact]
    public void Withdrawal_ends_the_instance_as_withdrawn()
    {
        var journey = Through("political-review");

        var accepted = journey.Take("withdraw", """{ "date": "2026-04-10", "reason": "本人申请撤回" }""");

        Assert.Equal("withdrawn", accepted.NewState);
        Assert.True(accepted.EndsInstance);
        Assert.Contains("inspection-due", accepted.CloseDeadlines);
        Assert.Empty(workflow.Compiled.PermittedActions(journey.State));
    }
}
