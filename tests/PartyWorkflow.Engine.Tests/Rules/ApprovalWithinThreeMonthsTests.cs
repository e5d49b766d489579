using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Engine.Tests.Support;
using static PartyWorkflow.Engine.Tests.Support.RuleFixtures;

namespace PartyWorkflow.Engine.Tests.Rules;

public class ApprovalWithinThreeMonthsTests
{
    private static readonly PartyWorkflow.Engine.Execution.InstanceSnapshot MeetingJanuary31 =
        RuleCheck.InstanceWithStepDates(("branch-meeting-admission", "2025-01-31"));

    private static RuleResult Approve(string date, string? specialReason = null, string parameters = "{}")
    {
        var reason = specialReason is null ? "" : $$""", "specialReason": "{{specialReason}}" """;
        return RuleCheck.Evaluate(new ApprovalWithinThreeMonths(), $$"""{ "date": "{{date}}", "decision": "approved"{{reason}} }""", MeetingJanuary31, parameters: parameters);
    }

    [Fact]
    public void Approval_on_the_last_day_of_three_months_passes()
    {
        // 31 January + 3 months = 30 April.
        Assert.True(Approve("2025-04-30").Met);
    }

    [Fact]
    public void Approval_the_day_after_three_months_is_refused_without_a_special_reason()
    {
        var result = Approve("2025-05-01");

        Assert.False(result.Met);
        Assert.Contains("2025-01-31", result.Message!.Zh);
        Assert.Contains("超过3个月", result.Message.Zh);
        Assert.Contains("2025-04-30", result.Message.Zh);
        Assert.Contains("2025-07-31", result.Message.Zh);
        Assert.Contains("specialReason", result.Message.En);
    }

    [Fact]
    public void A_blank_special_reason_does_not_count()
    {
        Assert.False(Approve("2025-05-01", " ").Met);
    }

    [Theory]
    [InlineData("2025-05-01")]
    [InlineData("2025-07-31")]
    public void Approval_after_three_and_up_to_six_months_passes_with_a_special_reason(string date)
    {
        Assert.True(Approve(date, "支部书记长期外出培训").Met);
    }

    [Fact]
    public void Approval_after_six_months_is_refused_even_with_a_special_reason()
    {
        var result = Approve("2025-08-01", "支部书记长期外出培训");

        Assert.False(result.Met);
        Assert.Contains("超过6个月", result.Message!.Zh);
        Assert.Contains("2025-07-31", result.Message.En);
        Assert.Null(result.EarliestDate);
    }

    [Fact]
    public void The_meeting_step_and_the_months_are_parameters()
    {
        var instance = RuleCheck.InstanceWithStepDates(("branch-meeting-admission", "2020-01-01"), ("branch-meeting-confirmation", "2025-01-31"));
        var rule = new ApprovalWithinThreeMonths();

        Assert.True(RuleCheck.Evaluate(rule, """{ "date": "2025-04-30" }""", instance, parameters: """{ "meetingStep": "branch-meeting-confirmation" }""").Met);
        Assert.False(RuleCheck.Evaluate(rule, """{ "date": "2025-05-01" }""", instance, parameters: """{ "meetingStep": "branch-meeting-confirmation" }""").Met);
        Assert.True(Approve("2025-05-31", parameters: """{ "months": 4 }""").Met);
        Assert.False(Approve("2025-06-01", "理由", """{ "months": 2, "limitMonths": 4 }""").Met);
    }

    [Fact]
    public void Without_a_meeting_on_record_it_is_refused()
    {
        Assert.False(RuleCheck.Evaluate(new ApprovalWithinThreeMonths(), """{ "date": "2025-04-30" }""").Met);
    }

    [Theory]
    [InlineData("2025-05-01", true)]
    [InlineData("2025-07-31", true)]
    [InlineData("2025-08-01", false)]
    public void A_preview_fails_only_once_today_is_past_the_six_month_limit(string today, bool met)
    {
        var rule = new ApprovalWithinThreeMonths();

        var result = rule.Preview(PreviewContext(rule, MeetingJanuary31, today))!;

        Assert.Equal(met, result.Met);
        Assert.Null(result.EarliestDate);
    }

    [Theory]
    [InlineData("""{ "months": 0 }""")]
    [InlineData("""{ "months": 6, "limitMonths": 3 }""")]
    [InlineData("""{ "limitMonths": 2 }""")]
    public void Inconsistent_months_are_parameter_problems(string parameters)
    {
        Assert.NotEmpty(RuleContractCheck.ParameterProblems(new ApprovalWithinThreeMonths(), JsonObjects.Parse(parameters)));
    }

    [Fact]
    public void The_defaults_are_no_parameter_problem()
    {
        Assert.Empty(RuleContractCheck.ParameterProblems(new ApprovalWithinThreeMonths(), JsonObjects.Parse("""{ "months": 3, "limitMonths": 6, "meetingStep": "branch-meeting-confirmation" }""")));
    }
}
