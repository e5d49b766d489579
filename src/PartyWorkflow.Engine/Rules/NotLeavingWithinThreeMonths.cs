using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// A development target leaving the unit within 3 months (<c>leavingUnitWithin3Months</c>) is not
/// processed, unless a <c>specialCircumstance</c> is recorded.
/// </summary>
public sealed class NotLeavingWithinThreeMonths : IRule
{
    public string Id => "not-leaving-within-3-months";

    public RuleContract Contract { get; } = new()
    {
        Facts = [RuleFact.Named("leavingUnitWithin3Months"), RuleFact.Named("specialCircumstance", optional: true)],
        Fields = [RuleFact.Named("leavingUnitWithin3Months")],
    };

    public RuleResult Evaluate(RuleContext context)
    {
        var leaving = context.Facts["leavingUnitWithin3Months"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
        if (!leaving || !string.IsNullOrWhiteSpace(FactReader.Text(context.Facts, "specialCircumstance")))
            return RuleResult.Pass;
        return RuleResult.Fail(
            "发展对象3个月内将离开工作、学习单位，一般不予办理；确有特殊情况的须写明特殊情况（specialCircumstance）",
            "the development target leaves the unit within 3 months and is not processed unless a special circumstance (specialCircumstance) is recorded");
    }
}
