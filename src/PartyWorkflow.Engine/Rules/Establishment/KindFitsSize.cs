using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Organizations;

namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// <c>kind-fits-size</c>: the proposed kind (branch, general branch, party committee) fits the
/// members of the units, as <see cref="SizeRules"/> says; the exceptions need the higher
/// organization's approval, recorded in the fact the <c>approval</c> parameter names.
/// </summary>
public sealed class KindFitsSize : IRule
{
    public string Id => "kind-fits-size";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RequestUnits.UnitsFact, RuleParameter.Fact("kind", "proposedKind"), RuleParameter.Fact("approval", "sizeApproval")],
        Facts = [RuleFact.Parameter("kind"), RuleFact.Parameter("approval", optional: true)],
        Fields = [RuleFact.Parameter("kind")],
    };

    public RuleResult Evaluate(RuleContext context)
    {
        var request = RequestUnits.From(context);
        if (request.Mode is "affiliated" or "functional" or "dispatched") return RuleResult.Pass;
        if (RequestUnits.Latest(context, context.StringParameter("approval"))?.GetValue<string>() is { Length: > 0 }) return RuleResult.Pass;
        var kind = RequestUnits.Latest(context, context.StringParameter("kind"))?.GetValue<string>() ?? "branch";
        var misfit = SizeRules.Check(new OrganizationSize(kind, 0, 0, 0, 0, 0, request.FullMembers, request.Members)).FirstOrDefault(f => f.RuleId == Id);
        return misfit is null ? RuleResult.Pass : RuleResult.Fail(misfit.Zh + "（可填写上级批准 sizeApproval）", misfit.En + " (or record the approval in sizeApproval)");
    }
}
