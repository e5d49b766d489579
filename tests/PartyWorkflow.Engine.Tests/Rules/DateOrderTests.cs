using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Rules;

public class DateOrderTests
{
    private static readonly DateOnly Today = new(2026, 5, 1);
    private static readonly InstanceSnapshot AfterAStepOnApril10 = InstanceSnapshot.New with { LastStepDate = new DateOnly(2026, 4, 10) };

    private static RuleResult Check(string date) =>
        RuleCheck.Evaluate(new DateOrder(), $$"""{ "date": "{{date}}" }""", AfterAStepOnApril10, Today);

    [Fact]
    public void A_date_after_today_is_refused()
    {
        var result = Check("2026-05-02");

        Assert.False(result.Met);
        Assert.Contains("after today, 2026-05-01", result.Message!.En);
    }

    [Fact]
    public void A_date_before_the_previous_step_is_refused()
    {
        var result = Check("2026-04-09");

        Assert.False(result.Met);
        Assert.Contains("2026-04-10", result.Message!.En);
    }

    [Theory]
    [InlineData("2026-04-10")]
    [InlineData("2026-05-01")]
    public void A_date_on_the_previous_step_day_or_today_is_accepted(string date)
    {
        Assert.True(Check(date).Met);
    }

    [Fact]
    public void The_first_action_is_only_bounded_by_today()
    {
        Assert.True(RuleCheck.Evaluate(new DateOrder(), """{ "date": "1990-01-01" }""", InstanceSnapshot.New, Today).Met);
    }
}
