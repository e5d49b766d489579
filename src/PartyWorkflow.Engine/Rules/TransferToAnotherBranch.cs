using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>A transfer goes to a branch (or general branch) other than the one the process is in now.</summary>
public sealed class TransferToAnotherBranch : IRule
{
    public string Id => "transfer-to-another-branch";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RuleParameter.Fact("field", "toBranchId")],
        Facts = [RuleFact.Parameter("field")],
        Fields = [RuleFact.Parameter("field")],
    };

    public RuleResult Evaluate(RuleContext context)
    {
        if (FactReader.Id(context.Facts, context.StringParameter("field")) is not { } target) return RuleResult.Pass;
        if (target == context.Instance.OrganizationId)
            return RuleResult.Fail("转入的党组织与当前所在党支部相同", "the target is the branch the process is already in");
        if (context.Registry.Organizations.TryGetValue(target, out var organization) && organization.Kind == "party-committee")
            return RuleResult.Fail("培养关系只能转入党支部或党总支，不能转入党委", "a process can move to a branch or general branch, not to a party committee");
        return RuleResult.Pass;
    }
}
