using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Rules;

public class NotLeavingWithinThreeMonthsTests
{
    private static RuleResult PreReview(string extra) =>
        RuleCheck.Evaluate(new NotLeavingWithinThreeMonths(), $$"""{ "date": "2026-05-20", "result": "passed", {{extra}} }""");

    [Fact]
    public void A_target_staying_in_the_unit_passes()
    {
        Assert.True(PreReview(""" "leavingUnitWithin3Months": false """).Met);
    }

    [Fact]
    public void A_target_leaving_within_three_months_is_refused()
    {
        var result = PreReview(""" "leavingUnitWithin3Months": true """);

        Assert.False(result.Met);
        Assert.Contains("3个月内", result.Message!.Zh);
        Assert.Contains("within 3 months", result.Message.En);
        Assert.Contains("specialCircumstance", result.Message.En);
    }

    [Fact]
    public void A_blank_special_circumstance_does_not_count()
    {
        Assert.False(PreReview(""" "leavingUnitWithin3Months": true, "specialCircumstance": "  " """).Met);
    }

    [Fact]
    public void A_target_leaving_with_a_special_circumstance_recorded_passes()
    {
        Assert.True(PreReview(""" "leavingUnitWithin3Months": true, "specialCircumstance": "援疆期间表现突出，组织部门同意" """).Met);
    }
}
