using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>Probation starts on the admission meeting's date (<c>fromStep</c>) and ends <c>months</c> (12) later.</summary>
public sealed class ProbationOneYear : IRule
{
    public string Id => "probation-one-year";

    public RuleResult Evaluate(RuleContext context)
    {
        if (context.Instance.StepDate(context.StringParameter("fromStep", "branch-meeting-admission")) is not { } start)
            return RuleResult.Fail("找不到接收预备党员的支部大会日期", "no admission meeting date is on record");
        var end = start.AddMonths(context.IntParameter("months", 12));
        return RuleResult.Computes(new Dictionary<string, DateOnly> { ["probationStart"] = start, ["probationEnd"] = end });
    }
}
