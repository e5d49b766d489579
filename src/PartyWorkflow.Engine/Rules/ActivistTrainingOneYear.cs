using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>At least <c>months</c> (12) of training between becoming an activist (<c>fromStep</c>) and designation.</summary>
public sealed class ActivistTrainingOneYear : IRule
{
    public string Id => "activist-training-one-year";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RuleParameter.Integer("months", 12, minimum: 1), RuleParameter.Step("fromStep", "confirm-activist")],
        Fields = [RuleFact.ActionDate],
    };

    public RuleResult Evaluate(RuleContext context) =>
        Judge(context, context.ActionDate ?? context.Today);

    public RuleResult? Preview(RuleContext context) => Judge(context, context.Today);

    private static RuleResult Judge(RuleContext context, DateOnly on)
    {
        var months = context.IntParameter("months");
        if (context.Instance.StepDate(context.StringParameter("fromStep")) is not { } since)
            return RuleResult.Fail("尚未确定为入党积极分子", "not yet confirmed as an activist");
        var earliest = since.AddMonths(months);
        return on >= earliest
            ? RuleResult.Pass
            : RuleResult.Fail(
                $"培养考察不满{months}个月：{FactReader.Format(since)} 确定为积极分子，最早可于 {FactReader.Format(earliest)} 确定为发展对象",
                $"less than {months} months of training: activist since {FactReader.Format(since)}, designation possible from {FactReader.Format(earliest)}",
                earliest);
    }
}
