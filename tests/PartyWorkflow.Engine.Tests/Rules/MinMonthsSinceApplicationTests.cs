using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Engine.Tests.Support;
using static PartyWorkflow.Engine.Tests.Support.RuleFixtures;

namespace PartyWorkflow.Engine.Tests.Rules;

public class MinMonthsSinceApplicationTests
{
    private static readonly PartyWorkflow.Engine.Execution.InstanceSnapshot AppliedAugust31 =
        InstanceWithFacts("""{ "submit-application": { "applicationDate": "2024-08-31" } }""");

    private static RuleResult Confirm(string date, string parameters = """{ "months": 6 }""") =>
        RuleCheck.Evaluate(new MinMonthsSinceApplication(), $$"""{ "date": "{{date}}" }""", AppliedAugust31, parameters: parameters);

    [Fact]
    public void Confirmation_the_day_before_six_months_is_refused_with_the_earliest_date()
    {
        // 31 August + 6 months = 28 February.
        var result = Confirm("2025-02-27");

        Assert.False(result.Met);
        Assert.Equal(new DateOnly(2025, 2, 28), result.EarliestDate);
        Assert.Contains("不满6个月", result.Message!.Zh);
        Assert.Contains("最早可于 2025-02-28", result.Message.Zh);
        Assert.Contains("2024-08-31", result.Message.En);
    }

    [Fact]
    public void Confirmation_on_the_day_six_months_are_complete_is_accepted()
    {
        Assert.True(Confirm("2025-02-28").Met);
    }

    [Fact]
    public void The_months_parameter_is_honoured()
    {
        Assert.Equal(new DateOnly(2025, 8, 31), Confirm("2025-02-28", """{ "months": 12 }""").EarliestDate);
    }

    [Fact]
    public void Without_an_application_on_record_confirmation_is_refused()
    {
        Assert.False(RuleCheck.Evaluate(new MinMonthsSinceApplication(), """{ "date": "2025-02-28" }""").Met);
    }

    [Theory]
    [InlineData("2025-02-27", false)]
    [InlineData("2025-02-28", true)]
    public void A_preview_judges_today(string today, bool met)
    {
        var rule = new MinMonthsSinceApplication();

        var result = rule.Preview(PreviewContext(rule, AppliedAugust31, today))!;

        Assert.Equal(met, result.Met);
        if (!met) Assert.Equal(new DateOnly(2025, 2, 28), result.EarliestDate);
    }

    [Fact]
    public void Months_below_one_are_a_parameter_problem()
    {
        Assert.NotEmpty(RuleContractCheck.ParameterProblems(new MinMonthsSinceApplication(), JsonObjects.Parse("""{ "months": "six" }""")));
        Assert.Empty(RuleContractCheck.ParameterProblems(new MinMonthsSinceApplication(), JsonObjects.Parse("""{ "months": 6 }""")));
    }
}
