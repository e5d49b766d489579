using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// An approved extension moves the end of probation by the months the confirmation meeting
/// (<c>fromStep</c>) proposed. The spec's "extend → step 24 approves a new probation end"; the
/// extension's bounds are <c>extension-6-to-12-months</c>'s to check.
/// </summary>
public sealed class ProbationExtension : IRule
{
    public string Id => "probation-extension";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RuleParameter.Step("fromStep", "branch-meeting-confirmation")],
    };

    public RuleResult Evaluate(RuleContext context)
    {
        var meeting = context.Instance.StepFacts(context.StringParameter("fromStep"));
        if (FactReader.Integer(meeting, "extensionMonths") is not { } months)
            return RuleResult.Fail("支部大会决议未写明延长预备期的月数", "the meeting's resolution does not say by how many months probation is extended");
        if (!context.Instance.Dates.TryGetValue("probationEnd", out var end))
            return RuleResult.Fail("找不到预备期结束日期", "no probation end date is on record");
        return RuleResult.Computes(new Dictionary<string, DateOnly>
        {
            ["probationEnd"] = end.AddMonths(months),
            ["originalProbationEnd"] = context.Instance.Dates.GetValueOrDefault("originalProbationEnd", end),
        });
    }
}
