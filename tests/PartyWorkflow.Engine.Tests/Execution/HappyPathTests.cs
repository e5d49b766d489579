using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Execution;

public class HappyPathTests(MemberDevelopmentWorkflow workflow) : IClassFixture<MemberDevelopmentWorkflow>
{
    [Fact]
    public void A_development_that_meets_every_rule_ends_as_full_member()
    {
        var journey = new Journey(workflow.Compiled);

        var last = journey.ThroughTheEnd()[^1];

        Assert.Equal("full-member", journey.State);
        Assert.True(last.EndsInstance);
    }

    [Fact]
    public void Each_step_of_the_sequence_becomes_the_state_and_repeating_records_leave_it()
    {
        var journey = new Journey(workflow.Compiled);

        foreach (var (action, facts) in HappyPath.Actions.SkipLast(1))
        {
            var before = journey.State;
            var accepted = journey.Take(action, facts);
            var repeats = action is "record-inspection" or "record-thought-report" or "record-probation-inspection";
            Assert.Equal(repeats ? before : action, accepted.NewState);
        }
    }

    [Fact]
    public void Approval_records_probation_from_the_admission_meeting_for_twelve_months()
    {
        var journey = new Journey(workflow.Compiled).Through("committee-talk");

        var approval = journey.Take("committee-approval", HappyPath.Actions.Single(a => a.Action == "committee-approval").Facts);

        Assert.Equal("probationary", approval.Membership());
        Assert.Equal(new DateOnly(2026, 6, 10), approval.ComputedDates["probationStart"]);
        Assert.Equal(new DateOnly(2027, 6, 10), approval.ComputedDates["probationEnd"]);
        var probationEnd = Assert.Single(approval.OpenDeadlines);
        Assert.Equal(("probation-end", new DateOnly(2027, 6, 10)), (probationEnd.Kind, probationEnd.Due));
    }

    [Fact]
    public void Full_membership_dates_from_the_end_of_probation()
    {
        var journey = new Journey(workflow.Compiled);
        var decisions = journey.ThroughTheEnd();

        var confirmation = decisions.Single(d => d.ActionId == "committee-approval-confirmation");

        Assert.Equal("full", confirmation.Membership());
        Assert.Equal(new DateOnly(2027, 6, 10), confirmation.ComputedDates["fullMembershipDate"]);
        Assert.Equal(new DateOnly(2027, 6, 10), journey.Instance.Dates["fullMembershipDate"]);
        Assert.Equal(new DateOnly(2026, 6, 10), journey.Instance.Dates["probationStart"]);
    }

    [Fact]
    public void The_application_records_the_branch_and_keeps_personal_data_out_of_the_facts()
    {
        var journey = new Journey(workflow.Compiled);

        var application = journey.Take(HappyPath.Actions[0].Action, HappyPath.Actions[0].Facts);

        Assert.Equal(TestRegistry.Branch, journey.Instance.OrganizationId);
        // The person's details go to their registry row; the facts and history keep none of them.
        Assert.False(application.RecordedFacts.ContainsKey("person"));
        Assert.DoesNotContain("张三", application.RecordedFacts.ToJsonString());
        var talkDue = Assert.Single(application.OpenDeadlines);
        Assert.Equal(("initial-talk-due", new DateOnly(2025, 2, 10)), (talkDue.Kind, talkDue.Due));
    }

    [Fact]
    public void The_documents_of_every_step_are_on_file_at_the_end()
    {
        var journey = new Journey(workflow.Compiled);
        journey.ThroughTheEnd();

        Assert.Superset(new HashSet<string> { "application-letter", "talk-record", "recommendation-record", "inspection-record",
            "thought-report", "designation-record", "political-review-conclusion", "training-certificate", "application-form",
            "meeting-resolution", "committee-talk-record", "approval-record", "probation-inspection-record",
            "full-membership-application" }, new HashSet<string>(journey.Instance.Documents));
    }
}
