using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// <c>secretary-prefers-leader</c> (a seed rule, meant as a warning): where a unit's leader or
/// investor is a party member (the survey's answer), the request should propose them as secretary;
/// the request says whether its proposed secretary is that leader (<c>proposedSecretaryIsLeader</c>).
/// </summary>
public sealed class SecretaryPrefersLeader : IRule
{
    public string Id => "secretary-prefers-leader";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RequestUnits.UnitsFact],
        Facts = [RuleFact.Named("proposedSecretaryIsLeader", optional: true)],
        Fields = [RuleFact.Named("proposedSecretaryIsLeader", optional: true)],
    };

    public RuleResult Evaluate(RuleContext context)
    {
        var request = RequestUnits.From(context);
        if (request.Mode is "affiliated" or "functional") return RuleResult.Pass;
        var led = request.Units.Where(u => u.LeaderIsMember == true).ToList();
        if (led.Count == 0 || RequestUnits.Latest(context, "proposedSecretaryIsLeader") is JsonValue v && v.TryGetValue<bool>(out var isLeader) && isLeader) return RuleResult.Pass;
        var names = string.Join("、", led.Select(u => u.Name));
        return RuleResult.Fail($"{names}的负责人（出资人）是党员，宜推荐其为书记人选", $"the leader (investor) of {string.Join(", ", led.Select(u => u.Name))} is a party member: propose them as secretary");
    }
}

/// <summary>
/// <c>secretary-candidate-required</c> (local, off by default): the request names a proposed
/// secretary who is a full member working in one of its units.
/// </summary>
public sealed class SecretaryCandidateRequired : IRule
{
    public string Id => "secretary-candidate-required";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RequestUnits.UnitsFact],
        Facts = [RuleFact.Named("proposedSecretaryId", optional: true)],
        Fields = [RuleFact.Named("proposedSecretaryId", optional: true)],
    };

    public RuleResult Evaluate(RuleContext context)
    {
        var request = RequestUnits.From(context);
        if (request.Mode is "affiliated" or "functional") return RuleResult.Pass;
        if (FactReader.Ids(new JsonArray(RequestUnits.Latest(context, "proposedSecretaryId")?.DeepClone())) is not [var secretary])
            return RuleResult.Fail("proposedSecretaryId：请示应提出拟任书记人选", "proposedSecretaryId: the request names a proposed secretary");
        return request.Units.Any(u => u.RegisteredMembers.Any(p => p.Id == secretary && p.IsFullMember)) ? RuleResult.Pass
            : RuleResult.Fail("proposedSecretaryId：拟任书记应为所列单位的正式党员", "proposedSecretaryId: the proposed secretary is a full member working in one of the units");
    }
}

/// <summary>
/// <c>affiliation-commitment</c> (local, off by default): an affiliated request records the unit's
/// signed commitment letter (<c>commitmentLetter</c>: its reference or date).
/// </summary>
public sealed class AffiliationCommitment : IRule
{
    public string Id => "affiliation-commitment";

    public RuleContract Contract { get; } = new()
    {
        Facts = [RuleFact.Named("commitmentLetter", optional: true)],
        Fields = [RuleFact.Named("commitmentLetter", optional: true)],
    };

    public RuleResult Evaluate(RuleContext context) =>
        RequestUnits.ModeOf(context) != "affiliated" || RequestUnits.Latest(context, "commitmentLetter") is JsonValue v && v.TryGetValue<string>(out var letter) && !string.IsNullOrWhiteSpace(letter)
            ? RuleResult.Pass
            : RuleResult.Fail("commitmentLetter：挂靠组建应附单位签署的承诺书", "commitmentLetter: an affiliated request records the unit's signed commitment letter");
}
