using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// A list of member ids among an action's facts (training contacts, sponsors), and the problems
/// of the members it names. Ids the registry does not know are <c>member-exists</c>'s to report.
/// </summary>
internal sealed class MemberList
{
    public IReadOnlyList<Guid> Distinct { get; }
    public IReadOnlyList<Guid> Repeated { get; }

    private MemberList(IReadOnlyList<Guid> distinct, IReadOnlyList<Guid> repeated) => (Distinct, Repeated) = (distinct, repeated);

    public static MemberList Read(JsonObject facts, string field)
    {
        var ids = (facts[field] as JsonArray ?? [])
            .Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) && Guid.TryParse(s, out var g) ? g : (Guid?)null)
            .OfType<Guid>()
            .ToList();
        var repeated = ids.GroupBy(g => g).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        return new MemberList(ids.Distinct().ToList(), repeated);
    }

    /// <summary>Collects problems as (zh, en) pairs into one message.</summary>
    public static RuleResult Combine(string zhLead, string enLead, IReadOnlyList<(string Zh, string En)> problems) =>
        problems.Count == 0
            ? RuleResult.Pass
            : RuleResult.Fail(
                $"{zhLead}：{string.Join("；", problems.Select(p => p.Zh))}",
                $"{enLead}: {string.Join("; ", problems.Select(p => p.En))}");

    /// <summary>What keeps a registry person from acting as a full member with voting rights, or null.</summary>
    public static (string Zh, string En)? NotAFullMemberWithVote(Guid id, PersonSnapshot person)
    {
        if (!person.IsFullMember)
            return person.Membership == "probationary"
                ? ($"{id} 是预备党员，不是正式党员", $"{id} is a probationary member, not a full member")
                : ($"{id} 不是正式党员", $"{id} is not a full member");
        if (!person.HasVotingRights)
            return ($"{id} 没有表决权", $"{id} has no voting rights");
        return null;
    }
}
