using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Execution;

/// <summary>The confirmation meeting (step 23) and its approval (step 24): every proposal and decision is recorded.</summary>
public class ConfirmationDecisionTests(MemberDevelopmentWorkflow workflow) : IClassFixture<MemberDevelopmentWorkflow>
{
    private const string Tally = """ "entitled": 10, "present": 8, "no": 1, "abstain": 0 """;
    private static readonly string Approver = TestRegistry.PartyCommittee.ToString();

    private Journey AfterMeeting(string proposal, int yes = 7)
    {
        var journey = new Journey(workflow.Compiled).Through("apply-for-full-membership");
        var months = proposal == "extend" ? """ "extensionMonths": 6, """ : "";
        journey.Take("branch-meeting-confirmation", $$"""{ "date": "2027-06-10", "proposal": "{{proposal}}", {{months}} "yes": {{yes}}, {{Tally}} }""");
        return journey;
    }

    private static string Approval(string decision) =>
        $$"""{ "date": "2027-07-01", "decision": "{{decision}}", "approverOrganizationId": "{{Approver}}" }""";

    [Fact]
    public void A_confirmation_meeting_without_a_majority_is_not_decided_and_waits_for_another_meeting()
    {
        var journey = new Journey(workflow.Compiled).Through("apply-for-full-membership");

        var accepted = journey.Take("branch-meeting-confirmation", $$"""{ "date": "2027-06-10", "proposal": "confirm", "yes": 5, {{Tally}} }""");

        Assert.Equal(("not-decided", "apply-for-full-membership"), (accepted.Outcome, accepted.NewState));
        Assert.Equal("majority-of-entitled", accepted.DecidedBy?.RuleId);
        Assert.Empty(accepted.CloseDeadlines);
        Assert.True(workflow.Compiled.IsPermitted(journey.State, "branch-meeting-confirmation"));
    }

    [Fact]
    public void A_passing_confirmation_meeting_closes_the_probation_end_and_opens_the_approval_deadline()
    {
        var journey = new Journey(workflow.Compiled).Through("apply-for-full-membership");

        var accepted = journey.Take("branch-meeting-confirmation", $$"""{ "date": "2027-06-10", "proposal": "confirm", "yes": 7, {{Tally}} }""");

        Assert.Equal(["probation-end"], accepted.CloseDeadlines);
        var approvalDue = Assert.Single(accepted.OpenDeadlines);
        Assert.Equal(("confirmation-approval-due", new DateOnly(2027, 9, 10)), (approvalDue.Kind, approvalDue.Due));
    }

    [Fact]
    public void A_rejected_confirmation_goes_back_to_the_application_for_full_membership()
    {
        var accepted = AfterMeeting("confirm").Take("committee-approval-confirmation", Approval("rejected"));

        Assert.Equal(("rejected", "apply-for-full-membership"), (accepted.Outcome, accepted.NewState));
        Assert.Null(accepted.Membership());
        Assert.Empty(accepted.ComputedDates);
    }

    [Fact]
    public void An_approved_cancellation_ends_the_instance_without_membership()
    {
        var accepted = AfterMeeting("cancel").Take("committee-approval-confirmation", Approval("approved"));

        Assert.Equal(("cancelled", "probation-cancelled"), (accepted.Outcome, accepted.NewState));
        Assert.Equal("none", accepted.Membership());
        Assert.True(accepted.EndsInstance);
        Assert.Empty(accepted.ComputedDates);
    }

    [Fact]
    public void An_approved_extension_returns_the_member_to_probation()
    {
        var journey = AfterMeeting("extend");

        var accepted = journey.Take("committee-approval-confirmation", Approval("approved"));

        Assert.Equal(("extended", "take-oath"), (accepted.Outcome, accepted.NewState));
        Assert.Equal("probationary", accepted.Membership());
        Assert.True(workflow.Compiled.IsPermitted(journey.State, "record-probation-inspection"));
        Assert.True(workflow.Compiled.IsPermitted(journey.State, "apply-for-full-membership"));
    }
}
