using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// The approving organization (the fact <c>field</c>, approverOrganizationId) is a party committee
/// with approval authority: never a general branch or a branch, nor a committee without authority
/// (such as a village or community committee under a township committee).
/// </summary>
public sealed class ApproverHasAuthority : IRule
{
    public string Id => "approver-has-authority";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RuleParameter.Fact("field", "approverOrganizationId")],
        Facts = [RuleFact.Parameter("field")],
        Fields = [RuleFact.Parameter("field")],
    };

    public RuleResult Evaluate(RuleContext context)
    {
        // A missing id is the fact validator's, an unknown one organization-exists's to report.
        if (FactReader.Id(context.Facts, context.StringParameter("field")) is not { } id
            || !context.Registry.Organizations.TryGetValue(id, out var organization))
            return RuleResult.Pass;
        if (organization.Kind != "party-committee")
        {
            var (zh, en) = organization.Kind switch
            {
                "general-branch" => ("党总支", "a general branch"),
                "branch" => ("党支部", "a branch"),
                var other => (other, $"a '{other}'"),
            };
            return RuleResult.Fail(
                $"审批组织 {id} 是{zh}，不是有审批权的基层党委，无权审批发展党员",
                $"the approving organization {id} is {en}, not a party committee with approval authority");
        }
        return organization.HasApprovalAuthority
            ? RuleResult.Pass
            : RuleResult.Fail(
                $"审批组织 {id} 是党委，但没有审批发展党员的权限",
                $"the approving organization {id} is a party committee without the authority to approve new members");
    }
}
