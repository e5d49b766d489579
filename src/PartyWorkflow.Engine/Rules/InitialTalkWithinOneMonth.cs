using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// The initial talk takes place within <c>months</c> (1) of the application (<c>fromStep</c>'s
/// <c>fromField</c>: submit-application's applicationDate). A warning: a late talk is still recorded.
/// </summary>
public sealed class InitialTalkWithinOneMonth : IRule
{
    public string Id => "initial-talk-within-1-month";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RuleParameter.Integer("months", 1, minimum: 1), RuleParameter.Step("fromStep", "submit-application"), RuleParameter.Field("fromField", "applicationDate")],
        Fields = [RuleFact.ActionDate],
    };

    public RuleResult Evaluate(RuleContext context) =>
        context.ActionDate is { } talk ? Judge(context, talk, previewing: false) : RuleResult.Pass;

    public RuleResult? Preview(RuleContext context) => Judge(context, context.Today, previewing: true);

    private static RuleResult Judge(RuleContext context, DateOnly on, bool previewing)
    {
        var months = context.IntParameter("months");
        // Without an application date there is nothing to measure from; the sequence of steps sees to it that there is one.
        if (context.Instance.StepDate(context.StringParameter("fromStep"), context.StringParameter("fromField")) is not { } applied)
            return RuleResult.Pass;
        var limit = applied.AddMonths(months);
        if (on <= limit) return RuleResult.Pass;
        return previewing
            ? RuleResult.Fail(
                $"逾期谈话：{FactReader.Format(applied)} 递交入党申请，应于 {FactReader.Format(limit)} 前（{months}个月内）派人谈话，今天 {FactReader.Format(on)} 已逾期",
                $"the initial talk is overdue: applied on {FactReader.Format(applied)}, the talk was due within {months} month(s), by {FactReader.Format(limit)}; today is {FactReader.Format(on)}")
            : RuleResult.Fail(
                $"逾期谈话：{FactReader.Format(applied)} 递交入党申请，应于 {FactReader.Format(limit)} 前（{months}个月内）派人谈话，实际谈话日期为 {FactReader.Format(on)}",
                $"overdue initial talk: applied on {FactReader.Format(applied)}, the talk was due within {months} month(s), by {FactReader.Format(limit)}, but took place on {FactReader.Format(on)}");
    }
}
