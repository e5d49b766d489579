using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// <c>founding-members-in-units</c>. On the request: its founding members are registered members,
/// each working in one of its units. At the founding meeting: the roll of entitled voters
/// (<c>voterIds</c>) is the request's founding members who are full members with voting rights, and
/// <c>entitled</c> is their number.
/// </summary>
public sealed class FoundingMembersInUnits : IRule
{
    public string Id => "founding-members-in-units";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RequestUnits.UnitsFact, RuleParameter.Text("members", "foundingMemberIds"), RuleParameter.Text("voters", "voterIds")],
        Fields = [RuleFact.Named("foundingMemberIds", optional: true), RuleFact.Named("voterIds", optional: true)],
    };

    public RuleResult Evaluate(RuleContext context)
    {
        var membersField = context.StringParameter("members");
        var votersField = context.StringParameter("voters");
        if (context.Facts[votersField] is JsonArray)
            // The founding members are the request's, or those a resumed request named.
            return Roll(context, FactReader.Ids(RequestUnits.Latest(context with { Facts = [] }, membersField)), FactReader.Ids(context.Facts[votersField]));
        var request = RequestUnits.From(context);
        if (request.Mode is "affiliated" or "functional" or "dispatched") return RuleResult.Pass;
        var founding = FactReader.Ids(RequestUnits.Latest(context, membersField));
        if (founding.Count == 0) return RuleResult.Fail("请示应列出创建党组织的党员", "the request lists its founding members");
        var inUnits = request.Units.SelectMany(u => u.RegisteredMembers).ToDictionary(p => p.Id);
        var outside = founding.Where(id => !inUnits.ContainsKey(id)).ToList();
        return outside.Count == 0 ? RuleResult.Pass
            : RuleResult.Fail($"{outside.Count}名创建党员不是登记在所列单位工作的党员（{outside[0]}）",
                $"{outside.Count} founding member(s) are not registered members working in the request's units ({outside[0]})");
    }

    private static RuleResult Roll(RuleContext context, IReadOnlyList<Guid> founding, IReadOnlyList<Guid> voters)
    {
        var entitled = FactReader.Integer(context.Facts, "entitled");
        var notFounding = voters.Where(v => !founding.Contains(v)).ToList();
        if (notFounding.Count > 0)
            return RuleResult.Fail($"有选举权名单中有{notFounding.Count}人不在请示所列的创建党员中", $"{notFounding.Count} on the roll of voters are not founding members of the request");
        var noVote = voters.Where(v => context.Registry.People.GetValueOrDefault(v) is not { IsFullMember: true, HasVotingRights: true }).ToList();
        if (noVote.Count > 0)
            return RuleResult.Fail($"有选举权名单中有{noVote.Count}人不是有表决权的正式党员", $"{noVote.Count} on the roll of voters are not full members with voting rights");
        return entitled == voters.Count ? RuleResult.Pass
            : RuleResult.Fail($"应到会有选举权的党员应为名单上的{voters.Count}人，而不是{entitled}人", $"the entitled voters are the {voters.Count} on the roll, not {entitled}");
    }
}
