using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Rules;

public class DesignationEligibleDateTests
{
    [Fact]
    public void Designation_becomes_possible_twelve_months_after_confirmation()
    {
        var result = RuleCheck.Evaluate(new DesignationEligibleDate(), """{ "date": "2025-03-01", "recommendationMethod": "member-recommendation" }""");

        Assert.True(result.Met);
        Assert.Equal(new DateOnly(2026, 3, 1), result.Computed["eligibleForDesignationDate"]);
    }

    [Fact]
    public void The_months_are_added_as_DateOnly_AddMonths_does()
    {
        var result = RuleCheck.Evaluate(new DesignationEligibleDate(), """{ "date": "2024-02-29" }""");

        Assert.Equal(new DateOnly(2025, 2, 28), result.Computed["eligibleForDesignationDate"]);
    }

    [Fact]
    public void The_months_are_a_parameter()
    {
        var result = RuleCheck.Evaluate(new DesignationEligibleDate(), """{ "date": "2025-03-31" }""", parameters: """{ "months": 18 }""");

        Assert.Equal(new DateOnly(2026, 9, 30), result.Computed["eligibleForDesignationDate"]);
        Assert.NotEmpty(RuleContractCheck.ParameterProblems(new DesignationEligibleDate(), JsonObjects.Parse("""{ "months": 0 }""")));
        Assert.Empty(RuleContractCheck.ParameterProblems(new DesignationEligibleDate(), JsonObjects.Parse("""{ "months": 12 }""")));
    }

    [Fact]
    public void Without_a_date_nothing_is_computed()
    {
        var result = RuleCheck.Evaluate(new DesignationEligibleDate());

        Assert.False(result.Met);
        Assert.Empty(result.Computed);
    }
}
