using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>Applications are made to a branch (or general branch), never straight to a party committee.</summary>
public sealed class OrganizationIsABranch : IRule
{
    public string Id => "organization-is-a-branch";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RuleParameter.Fact("field", "branchId")],
        Facts = [RuleFact.Parameter("field")],
        Fields = [RuleFact.Parameter("field")],
    };

    public RuleResult Evaluate(RuleContext context)
    {
        var field = context.StringParameter("field");
        return FactReader.Id(context.Facts, field) is { } id
               && context.Registry.Organizations.TryGetValue(id, out var organization)
               && organization.Kind is "party-committee" or "work-committee"
            ? RuleResult.Fail($"{field}：入党申请应向党支部（或党总支）提出，不能直接向党委提出", $"{field}: an application goes to a branch or general branch, not to a party committee")
            : RuleResult.Pass;
    }
}
