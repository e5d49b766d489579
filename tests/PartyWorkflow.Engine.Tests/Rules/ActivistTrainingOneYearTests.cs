using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Rules;

public class ActivistTrainingOneYearTests
{
    private const string Parameters = """{ "months": 12, "fromStep": "confirm-activist" }""";

    private static RuleResult Designate(string activistSince, string designation, string parameters = Parameters) =>
        RuleCheck.Evaluate(new ActivistTrainingOneYear(), $$"""{ "date": "{{designation}}" }""",
            RuleCheck.InstanceWithStepDates(("confirm-activist", activistSince)), parameters: parameters);

    [Fact]
    public void Designation_is_refused_before_one_year_of_training()
    {
        var result = Designate("2025-03-01", "2026-02-28");

        Assert.False(result.Met);
        Assert.Equal(new DateOnly(2026, 3, 1), result.EarliestDate);
        Assert.Contains("最早可于 2026-03-01", result.Message!.Zh);
        Assert.Contains("2026-03-01", result.Message.En);
    }

    [Fact]
    public void Designation_is_accepted_on_the_day_one_year_of_training_is_complete()
    {
        Assert.True(Designate("2025-03-01", "2026-03-01").Met);
    }

    [Fact]
    public void Months_are_added_as_DateOnly_AddMonths_does_at_the_end_of_a_month()
    {
        var since = new DateOnly(2025, 3, 31);

        var result = Designate("2025-03-31", "2025-04-29", """{ "months": 1 }""");

        Assert.Equal(since.AddMonths(1), result.EarliestDate);
        Assert.Equal(new DateOnly(2025, 4, 30), result.EarliestDate);
        Assert.True(Designate("2025-03-31", "2025-04-30", """{ "months": 1 }""").Met);
    }

    [Fact]
    public void A_year_from_a_leap_day_ends_on_the_28th_of_February()
    {
        Assert.Equal(new DateOnly(2025, 2, 28), Designate("2024-02-29", "2025-02-27").EarliestDate);
        Assert.True(Designate("2024-02-29", "2025-02-28").Met);
    }

    [Fact]
    public void Without_a_confirmed_activist_designation_is_refused()
    {
        var result = RuleCheck.Evaluate(new ActivistTrainingOneYear(), """{ "date": "2026-03-01" }""", parameters: Parameters);

        Assert.False(result.Met);
        Assert.Null(result.EarliestDate);
    }

    [Theory]
    [InlineData("2026-02-28", false)]
    [InlineData("2026-03-01", true)]
    public void A_preview_without_action_facts_judges_today(string today, bool met)
    {
        var rule = new ActivistTrainingOneYear();
        var context = RuleCheck.Context(rule, "{}", RuleCheck.InstanceWithStepDates(("confirm-activist", "2025-03-01")),
            DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), Parameters);

        Assert.Equal(met, rule.Preview(context)!.Met);
        Assert.Equal(met, rule.Evaluate(context).Met);
    }

    [Fact]
    public void Months_below_one_are_reported_as_a_parameter_problem()
    {
        Assert.NotEmpty(RuleContractCheck.ParameterProblems(new ActivistTrainingOneYear(), JsonObjects.Parse("""{ "months": 0 }""")));
        Assert.Empty(RuleContractCheck.ParameterProblems(new ActivistTrainingOneYear(), JsonObjects.Parse(Parameters)));
    }
}
