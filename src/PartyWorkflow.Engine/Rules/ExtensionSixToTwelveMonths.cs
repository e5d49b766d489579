using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>A proposal to extend probation names <c>extensionMonths</c> from <c>min</c> (6) to <c>max</c> (12).</summary>
public sealed class ExtensionSixToTwelveMonths : IRule
{
    public string Id => "extension-6-to-12-months";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RuleParameter.Integer("min", 6, minimum: 1), RuleParameter.Integer("max", 12, minimum: 1)],
        Facts = [RuleFact.Named("proposal"), RuleFact.Named("extensionMonths", optional: true)],
        Fields = [RuleFact.Named("extensionMonths")],
    };

    public RuleResult Evaluate(RuleContext context)
    {
        if (FactReader.Text(context.Facts, "proposal") != "extend") return RuleResult.Pass;
        var min = context.IntParameter("min");
        var max = context.IntParameter("max");
        if (FactReader.Integer(context.Facts, "extensionMonths") is not { } months)
            return RuleResult.Fail(
                $"延长预备期须写明延长的月数（extensionMonths，{min}至{max}个月）",
                $"an extension of probation requires extensionMonths ({min} to {max} months)");
        return months >= min && months <= max
            ? RuleResult.Pass
            : RuleResult.Fail(
                $"延长预备期{months}个月不符合规定：应为{min}至{max}个月",
                $"an extension of {months} months is not allowed: it must be {min} to {max} months");
    }

    public IEnumerable<string> CheckParameters(JsonObject parameters)
    {
        if (ParameterChecks.Value(parameters, "min", Contract) is { } min && ParameterChecks.Value(parameters, "max", Contract) is { } max && min > max)
            yield return "min must not be greater than max";
    }
}
