using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>The confirmation meeting is on or after the end of probation (the computed date <c>probationEnd</c>).</summary>
public sealed class NotBeforeProbationEnd : IRule
{
    public string Id => "not-before-probation-end";

    public RuleContract Contract { get; } = new()
    {
        Fields = [RuleFact.ActionDate],
    };

    public RuleResult Evaluate(RuleContext context) => Judge(context, context.ActionDate ?? context.Today);

    public RuleResult? Preview(RuleContext context) => Judge(context, context.Today);

    private static RuleResult Judge(RuleContext context, DateOnly on)
    {
        if (!context.Instance.Dates.TryGetValue("probationEnd", out var end))
            return RuleResult.Fail("找不到预备期结束日期", "no probation end date is on record");
        return on >= end
            ? RuleResult.Pass
            : RuleResult.Fail(
                $"预备期未满：预备期至 {FactReader.Format(end)} 结束，最早可于 {FactReader.Format(end)} 召开支部大会讨论转正",
                $"probation has not ended: it ends on {FactReader.Format(end)}, the confirmation meeting is possible from {FactReader.Format(end)}",
                end);
    }
}
