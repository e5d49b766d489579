using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// <c>temporary-branch-no-admission</c>: a temporary (functional) organization is never the branch of
/// a member-development application (临时党支部一般不发展党员); its members keep their membership where it is.
/// </summary>
public sealed class TemporaryBranchNoAdmission : IRule
{
    public string Id => "temporary-branch-no-admission";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RuleParameter.Fact("field", "branchId")],
        Facts = [RuleFact.Parameter("field")],
        Fields = [RuleFact.Parameter("field")],
    };

    public RuleResult Evaluate(RuleContext context)
    {
        var field = context.StringParameter("field");
        return FactReader.Id(context.Facts, field) is { } id && context.Registry.Organizations.GetValueOrDefault(id) is { FormationMode: "functional" }
            ? RuleResult.Fail($"{field}：临时党组织一般不发展党员，入党申请应向所在单位的党支部提出",
                $"{field}: a temporary organization develops no members; the application goes to the branch of the applicant's unit")
            : RuleResult.Pass;
    }
}
