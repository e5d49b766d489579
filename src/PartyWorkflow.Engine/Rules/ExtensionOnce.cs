using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// Probation is extended at most once: a proposal to extend is refused once the computed date
/// <c>originalProbationEnd</c> exists, which an approved extension records.
/// </summary>
public sealed class ExtensionOnce : IRule
{
    public string Id => "extension-once";

    public RuleContract Contract { get; } = new()
    {
        Facts = [RuleFact.Named("proposal")],
        Fields = [RuleFact.Named("proposal")],
    };

    public RuleResult Evaluate(RuleContext context)
    {
        if (FactReader.Text(context.Facts, "proposal") != "extend"
            || !context.Instance.Dates.TryGetValue("originalProbationEnd", out var original))
            return RuleResult.Pass;
        var current = context.Instance.Dates.TryGetValue("probationEnd", out var end) ? FactReader.Format(end) : "?";
        return RuleResult.Fail(
            $"预备期只能延长一次：原定 {FactReader.Format(original)} 结束的预备期已延长至 {current}",
            $"probation may be extended only once: it was due to end on {FactReader.Format(original)} and has already been extended to {current}");
    }
}
