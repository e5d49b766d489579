using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Engine.Tests.Support;
using static PartyWorkflow.Engine.Tests.Support.RuleFixtures;

namespace PartyWorkflow.Engine.Tests.Rules;

public class InitialTalkWithinOneMonthTests
{
    private static readonly PartyWorkflow.Engine.Execution.InstanceSnapshot AppliedJanuary31 =
        InstanceWithFacts("""{ "submit-application": { "applicationDate": "2025-01-31", "branchId": "x" } }""");

    private static RuleResult Talk(string date, string parameters = """{ "months": 1 }""") =>
        RuleCheck.Evaluate(new InitialTalkWithinOneMonth(), $$"""{ "date": "{{date}}" }""", AppliedJanuary31, parameters: parameters);

    [Fact]
    public void A_talk_on_the_last_day_of_the_month_after_the_application_is_on_time()
    {
        // 31 January + 1 month = 28 February.
        Assert.True(Talk("2025-02-28").Met);
    }

    [Fact]
    public void A_talk_the_day_after_is_overdue_naming_the_dates()
    {
        var result = Talk("2025-03-01");

        Assert.False(result.Met);
        Assert.StartsWith("逾期谈话", result.Message!.Zh);
        Assert.Contains("2025-01-31", result.Message.Zh);
        Assert.Contains("2025-02-28", result.Message.Zh);
        Assert.Contains("by 2025-02-28", result.Message.En);
        Assert.Null(result.EarliestDate);
    }

    [Fact]
    public void The_months_parameter_is_honoured_and_defaults_to_one()
    {
        Assert.True(Talk("2025-03-31", """{ "months": 2 }""").Met);
        Assert.False(Talk("2025-03-01", "{}").Met);
    }

    [Theory]
    [InlineData("2025-02-28", true)]
    [InlineData("2025-03-01", false)]
    public void A_preview_fails_once_today_is_past_the_limit(string today, bool met)
    {
        var rule = new InitialTalkWithinOneMonth();

        var result = rule.Preview(PreviewContext(rule, AppliedJanuary31, today))!;

        Assert.Equal(met, result.Met);
        Assert.Null(result.EarliestDate);
    }

    [Fact]
    public void Months_below_one_are_a_parameter_problem()
    {
        Assert.NotEmpty(RuleContractCheck.ParameterProblems(new InitialTalkWithinOneMonth(), JsonObjects.Parse("""{ "months": 0 }""")));
        Assert.Empty(RuleContractCheck.ParameterProblems(new InitialTalkWithinOneMonth(), JsonObjects.Parse("""{ "months": 1 }""")));
    }
}
