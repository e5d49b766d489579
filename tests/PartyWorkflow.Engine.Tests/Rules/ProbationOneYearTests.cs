using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Rules;

public class ProbationOneYearTests
{
    [Fact]
    public void Probation_starts_on_the_admission_meeting_and_ends_twelve_months_later()
    {
        var result = RuleCheck.Evaluate(new ProbationOneYear(), """{ "date": "2026-07-01" }""",
            RuleCheck.InstanceWithStepDates(("branch-meeting-admission", "2026-06-10")),
            parameters: """{ "months": 12, "fromStep": "branch-meeting-admission" }""");

        Assert.True(result.Met);
        Assert.Equal(new DateOnly(2026, 6, 10), result.Computed["probationStart"]);
        Assert.Equal(new DateOnly(2027, 6, 10), result.Computed["probationEnd"]);
    }

    [Fact]
    public void Probation_from_a_leap_day_ends_as_DateOnly_AddMonths_says()
    {
        var result = RuleCheck.Evaluate(new ProbationOneYear(), instance: RuleCheck.InstanceWithStepDates(("branch-meeting-admission", "2024-02-29")));

        Assert.Equal(new DateOnly(2024, 2, 29).AddMonths(12), result.Computed["probationEnd"]);
    }

    [Fact]
    public void Without_an_admission_meeting_nothing_can_be_computed()
    {
        var result = RuleCheck.Evaluate(new ProbationOneYear());

        Assert.False(result.Met);
        Assert.Empty(result.Computed);
    }
}
