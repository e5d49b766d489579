namespace PartyWorkflow.Engine.Rules;

/// <summary>Full membership (党龄) counts from the end of probation, not from the approval date.</summary>
public sealed class FullMembershipDate : IRule
{
    public string Id => "full-membership-date";

    public RuleResult Evaluate(RuleContext context) =>
        context.Instance.Dates.TryGetValue("probationEnd", out var end)
            ? RuleResult.Computes(new Dictionary<string, DateOnly> { ["fullMembershipDate"] = end })
            : RuleResult.Fail("找不到预备期结束日期", "no probation end date is on record");
}
