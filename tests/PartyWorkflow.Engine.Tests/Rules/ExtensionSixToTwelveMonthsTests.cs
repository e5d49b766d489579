using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Rules;

public class ExtensionSixToTwelveMonthsTests
{
    private static RuleResult Propose(string proposal, string parameters = "{}") =>
        RuleCheck.Evaluate(new ExtensionSixToTwelveMonths(), $$"""{ "date": "2027-06-10", {{proposal}} }""", parameters: parameters);

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    [InlineData(12, true)]
    [InlineData(13, false)]
    public void An_extension_is_six_to_twelve_months(int months, bool met)
    {
        Assert.Equal(met, Propose($$""" "proposal": "extend", "extensionMonths": {{months}} """).Met);
    }

    [Fact]
    public void The_refusal_names_the_months_and_the_bounds()
    {
        var result = Propose(""" "proposal": "extend", "extensionMonths": 13 """);

        Assert.Contains("延长预备期13个月", result.Message!.Zh);
        Assert.Contains("6至12个月", result.Message.Zh);
        Assert.Contains("13 months", result.Message.En);
    }

    [Fact]
    public void An_extension_without_months_is_refused()
    {
        var result = Propose(""" "proposal": "extend" """);

        Assert.False(result.Met);
        Assert.Contains("requires extensionMonths", result.Message!.En);
    }

    [Theory]
    [InlineData(""" "proposal": "confirm" """)]
    [InlineData(""" "proposal": "cancel", "extensionMonths": 30 """)]
    public void Other_proposals_pass(string proposal)
    {
        Assert.True(Propose(proposal).Met);
    }

    [Fact]
    public void The_bounds_are_parameters()
    {
        Assert.False(Propose(""" "proposal": "extend", "extensionMonths": 6 """, """{ "min": 9, "max": 12 }""").Met);
        Assert.NotEmpty(RuleContractCheck.ParameterProblems(new ExtensionSixToTwelveMonths(), JsonObjects.Parse("""{ "min": 12, "max": 6 }""")));
        Assert.NotEmpty(RuleContractCheck.ParameterProblems(new ExtensionSixToTwelveMonths(), JsonObjects.Parse("""{ "max": 0 }""")));
        Assert.Empty(RuleContractCheck.ParameterProblems(new ExtensionSixToTwelveMonths(), JsonObjects.Parse("""{ "min": 6, "max": 12 }""")));
    }
}
