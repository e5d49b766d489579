using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Execution;

/// <summary>
/// Spec: "extend → step 24 approves a new probation end". Fails today: nothing computes the new end,
/// so the probation-end deadline reopens on the old, already passed date (reported as a bug).
/// </summary>
public class ProbationExtensionTests(MemberDevelopmentWorkflow workflow) : IClassFixture<MemberDevelopmentWorkflow>
{
    [Fact]
    public void Approving_a_six_month_extension_moves_the_end_of_probation_six_months_later()
    {
        var journey = new Journey(workflow.Compiled).Through("apply-for-full-membership");
        journey.Take("branch-meeting-confirmation",
            """{ "date": "2027-06-10", "proposal": "extend", "extensionMonths": 6, "entitled": 10, "present": 8, "yes": 7, "no": 1, "abstain": 0 }""");

        var accepted = journey.Take("committee-approval-confirmation",
            $$"""{ "date": "2027-07-01", "decision": "approved", "approverOrganizationId": "{{TestRegistry.PartyCommittee}}" }""");

        var probationEnd = Assert.Single(accepted.OpenDeadlines, d => d.Kind == "probation-end");
        Assert.Equal(new DateOnly(2027, 12, 10), probationEnd.Due);
        Assert.Equal(new DateOnly(2027, 12, 10), journey.Instance.Dates["probationEnd"]);
    }
}
