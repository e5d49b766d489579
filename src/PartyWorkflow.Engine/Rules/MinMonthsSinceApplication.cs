using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// A local rule: an activist is confirmed no earlier than <c>months</c> (6) after the application
/// (<c>fromStep</c>'s <c>fromField</c>: submit-application's applicationDate).
/// </summary>
public sealed class MinMonthsSinceApplication : IRule
{
    public string Id => "min-months-since-application";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RuleParameter.Integer("months", 6, minimum: 1), RuleParameter.Step("fromStep", "submit-application"), RuleParameter.Field("fromField", "applicationDate")],
        Fields = [RuleFact.ActionDate],
    };

    public RuleResult Evaluate(RuleContext context) => Judge(context, context.ActionDate ?? context.Today);

    public RuleResult? Preview(RuleContext context) => Judge(context, context.Today);

    private static RuleResult Judge(RuleContext context, DateOnly on)
    {
        var months = context.IntParameter("months");
        if (context.Instance.StepDate(context.StringParameter("fromStep"), context.StringParameter("fromField")) is not { } applied)
            return RuleResult.Fail("找不到入党申请日期", "no application date is on record");
        var earliest = applied.AddMonths(months);
        return on >= earliest
            ? RuleResult.Pass
            : RuleResult.Fail(
                $"递交入党申请不满{months}个月：{FactReader.Format(applied)} 递交申请，最早可于 {FactReader.Format(earliest)} 确定为入党积极分子",
                $"less than {months} months since the application: applied on {FactReader.Format(applied)}, confirmation as activist possible from {FactReader.Format(earliest)}",
                earliest);
    }
}
