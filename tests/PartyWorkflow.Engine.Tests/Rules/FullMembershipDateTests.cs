using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Rules;

public class FullMembershipDateTests
{
    [Fact]
    public void Full_membership_counts_from_the_end_of_probation_not_from_the_approval()
    {
        var instance = InstanceSnapshot.New with { Dates = new Dictionary<string, DateOnly> { ["probationEnd"] = new(2027, 6, 10) } };

        var result = RuleCheck.Evaluate(new FullMembershipDate(), """{ "date": "2027-07-01" }""", instance);

        Assert.True(result.Met);
        Assert.Equal(new DateOnly(2027, 6, 10), result.Computed["fullMembershipDate"]);
    }

    [Fact]
    public void Without_a_probation_end_nothing_can_be_computed()
    {
        Assert.False(RuleCheck.Evaluate(new FullMembershipDate()).Met);
    }
}
