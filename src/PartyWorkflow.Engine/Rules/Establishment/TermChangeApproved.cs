using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// <c>term-change-approved</c>: a renewal is held when the term ends. An election more than
/// <c>onTimeMonths</c> (3) before the end is advanced, one after the end postponed; either needs the
/// higher organization's approval on record (<c>termChangeApproval</c>, 选举工作条例 art. 3), and an
/// election is advanced by at most <c>maxMonths</c> (12). A postponement beyond a year is not refused
/// (the organization must still renew; the monthly overdue reminders have said so), but needs the
/// approval as well. An organization with no term on record passes: its first term starts here.
/// </summary>
public sealed class TermChangeApproved : IRule
{
    public string Id => "term-change-approved";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RuleParameter.Integer("onTimeMonths", 3, minimum: 0, maximum: 12), RuleParameter.Integer("maxMonths", 12, minimum: 1, maximum: 24),
            RuleParameter.Text("organization", "organizationId")],
        Facts = [RuleFact.Named("termChangeApproval", optional: true)],
        Fields = [RuleFact.Named("termChangeApproval", optional: true)],
    };

    public RuleResult Evaluate(RuleContext context)
    {
        var organization = FactReader.Id(context.Facts, context.StringParameter("organization")) ?? context.Instance.SubjectId;
        if (context.ActionDate is not { } held || organization is null
            || context.Registry.Organizations.GetValueOrDefault(organization.Value)?.TermEndsOn is not { } ends) return RuleResult.Pass;
        int onTime = context.IntParameter("onTimeMonths"), max = context.IntParameter("maxMonths");
        var approved = !string.IsNullOrWhiteSpace(FactReader.Text(context.Facts, "termChangeApproval"));
        if (held < ends.AddMonths(-max))
            return RuleResult.Fail($"本届任期至 {ends:yyyy-MM-dd} 届满，提前换届一般不超过{max}个月，最早 {ends.AddMonths(-max):yyyy-MM-dd}",
                $"the term ends on {ends:yyyy-MM-dd}: an election is advanced by at most {max} months, so not before {ends.AddMonths(-max):yyyy-MM-dd}", ends.AddMonths(-max));
        if (approved || (held >= ends.AddMonths(-onTime) && held <= ends)) return RuleResult.Pass;
        return held < ends
            ? RuleResult.Fail($"termChangeApproval：本届任期至 {ends:yyyy-MM-dd} 届满，提前换届须记录上级党组织的批准", $"termChangeApproval: the term ends on {ends:yyyy-MM-dd}; an advanced election needs the higher organization's approval on record", ends.AddMonths(-onTime))
            : RuleResult.Fail($"termChangeApproval：本届任期已于 {ends:yyyy-MM-dd} 届满，延期换届须记录上级党组织的批准", $"termChangeApproval: the term ended on {ends:yyyy-MM-dd}; a postponed election needs the higher organization's approval on record");
    }
}
