using System.Text.Json.Nodes;

namespace PartyWorkflow.Engine.Rules;

/// <summary>Computes <c>eligibleForDesignationDate</c>: <c>months</c> (12) after the activist's confirmation (the action's date).</summary>
public sealed class DesignationEligibleDate : IRule
{
    public string Id => "designation-eligible-date";

    public RuleResult Evaluate(RuleContext context) =>
        context.ActionDate is { } confirmed
            ? RuleResult.Computes(new Dictionary<string, DateOnly> { ["eligibleForDesignationDate"] = confirmed.AddMonths(context.IntParameter("months", 12)) })
            : RuleResult.Fail("找不到确定为入党积极分子的日期", "no date of confirmation as activist");

    public IEnumerable<string> CheckParameters(JsonObject parameters) => ParameterChecks.WholeNumber(parameters, "months", 1);
}
