using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>Probation starts on the admission meeting's date (<c>fromStep</c>) and ends <c>months</c> (12) later.</summary>
public sealed class ProbationOneYear : IRule
{
    public string Id => "probation-one-year";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RuleParameter.Step("fromStep", "branch-meeting-admission"), RuleParameter.Integer("months", 12, minimum: 1)],
    };

    public RuleResult Evaluate(RuleContext context)
    {
        if (context.Instance.StepDate(context.StringParameter("fromStep")) is not { } start)
            return RuleResult.Fail("找不到接收预备党员的支部大会日期", "no admission meeting date is on record");
        var end = start.AddMonths(context.IntParameter("months"));
        return RuleResult.Computes(new Dictionary<string, DateOnly> { ["probationStart"] = start, ["probationEnd"] = end });
    }
}
