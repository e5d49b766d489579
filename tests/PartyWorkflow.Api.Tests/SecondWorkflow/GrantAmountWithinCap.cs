using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Rules;

namespace PartyWorkflow.Api.Tests.SecondWorkflow;

/// <summary>A rule of the second workflow's own: the amount asked for is at most <c>cap</c>.</summary>
public sealed class GrantAmountWithinCap : IRule
{
    public string Id => "grant-amount-within-cap";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RuleParameter.Integer("cap", 10000, minimum: 1)],
        Facts = [RuleFact.Named("amount")],
        Fields = [RuleFact.Named("amount")],
    };

    public RuleResult Evaluate(RuleContext context)
    {
        var cap = context.IntParameter("cap");
        return FactReader.Integer(context.Facts, "amount") is { } amount && amount > cap
            ? RuleResult.Fail($"申请金额 {amount} 元超过上限 {cap} 元", $"the amount {amount} is over the cap of {cap}")
            : RuleResult.Pass;
    }
}
