using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Engine.Tests.Support;
using static PartyWorkflow.Engine.Tests.Support.RuleFixtures;

namespace PartyWorkflow.Engine.Tests.Rules;

public class NotBeforeProbationEndTests
{
    private static readonly PartyWorkflow.Engine.Execution.InstanceSnapshot EndsJune10 = InstanceWithDates(("probationEnd", "2027-06-10"));

    private static RuleResult Meet(string date) =>
        RuleCheck.Evaluate(new NotBeforeProbationEnd(), $$"""{ "date": "{{date}}", "proposal": "confirm" }""", EndsJune10);

    [Fact]
    public void A_meeting_the_day_before_probation_ends_is_refused_with_the_end_as_earliest_date()
    {
        var result = Meet("2027-06-09");

        Assert.False(result.Met);
        Assert.Equal(new DateOnly(2027, 6, 10), result.EarliestDate);
        Assert.Contains("最早可于 2027-06-10", result.Message!.Zh);
        Assert.Contains("ends on 2027-06-10", result.Message.En);
    }

    [Fact]
    public void A_meeting_on_the_day_probation_ends_passes()
    {
        Assert.True(Meet("2027-06-10").Met);
    }

    [Fact]
    public void An_extended_probation_is_judged_by_its_new_end()
    {
        var extended = InstanceWithDates(("probationEnd", "2027-12-10"), ("originalProbationEnd", "2027-06-10"));

        var result = RuleCheck.Evaluate(new NotBeforeProbationEnd(), """{ "date": "2027-06-10" }""", extended);

        Assert.False(result.Met);
        Assert.Equal(new DateOnly(2027, 12, 10), result.EarliestDate);
    }

    [Fact]
    public void Without_a_probation_end_it_is_refused()
    {
        Assert.False(RuleCheck.Evaluate(new NotBeforeProbationEnd(), """{ "date": "2027-06-10" }""").Met);
    }

    [Theory]
    [InlineData("2027-06-09", false)]
    [InlineData("2027-06-10", true)]
    public void A_preview_judges_today_and_gives_the_probation_end(string today, bool met)
    {
        var rule = new NotBeforeProbationEnd();

        var result = rule.Preview(PreviewContext(rule, EndsJune10, today))!;

        Assert.Equal(met, result.Met);
        if (!met) Assert.Equal(new DateOnly(2027, 6, 10), result.EarliestDate);
    }
}
