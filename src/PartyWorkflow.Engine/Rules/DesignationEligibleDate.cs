using System.Text.Json.Nodes;

namespace PartyWorkflow.Engine.Rules;

/// <summary>Computes <c>eligibleForDesignationDate</c>: <c>months</c> (12) after the activist's confirmation (the action's date).</summary>
public sealed class DesignationEligibleDate : IRule
{
    public string Id => "designation-eligible-date";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RuleParameter.Integer("months", 12, minimum: 1)],
    };

    public RuleResult Evaluate(RuleContext context) =>
        context.ActionDate is { } confirmed
            ? RuleResult.Computes(new Dictionary<string, DateOnly> { ["eligibleForDesignationDate"] = confirmed.AddMonths(context.IntParameter("months")) })
            : RuleResult.Fail("找不到确定为入党积极分子的日期", "no date of confirmation as activist");
}
