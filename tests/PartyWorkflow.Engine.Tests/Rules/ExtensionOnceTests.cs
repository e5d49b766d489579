using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Engine.Tests.Support;
using static PartyWorkflow.Engine.Tests.Support.RuleFixtures;

namespace PartyWorkflow.Engine.Tests.Rules;

public class ExtensionOnceTests
{
    private static readonly PartyWorkflow.Engine.Execution.InstanceSnapshot NeverExtended = InstanceWithDates(("probationEnd", "2027-06-10"));
    private static readonly PartyWorkflow.Engine.Execution.InstanceSnapshot ExtendedOnce =
        InstanceWithDates(("probationEnd", "2027-12-10"), ("originalProbationEnd", "2027-06-10"));

    private static RuleResult Propose(string proposal, PartyWorkflow.Engine.Execution.InstanceSnapshot instance) =>
        RuleCheck.Evaluate(new ExtensionOnce(), $$"""{ "date": "2027-12-10", "proposal": "{{proposal}}", "extensionMonths": 6 }""", instance);

    [Fact]
    public void A_first_extension_passes()
    {
        Assert.True(Propose("extend", NeverExtended).Met);
    }

    [Fact]
    public void A_second_extension_is_refused_naming_both_ends()
    {
        var result = Propose("extend", ExtendedOnce);

        Assert.False(result.Met);
        Assert.Contains("只能延长一次", result.Message!.Zh);
        Assert.Contains("2027-06-10", result.Message.En);
        Assert.Contains("2027-12-10", result.Message.En);
    }

    [Theory]
    [InlineData("confirm")]
    [InlineData("cancel")]
    public void After_an_extension_other_proposals_pass(string proposal)
    {
        Assert.True(Propose(proposal, ExtendedOnce).Met);
    }
}
