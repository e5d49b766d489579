using System.Text.Json.Nodes;

namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// Exactly <c>count</c> (2) distinct sponsors (<c>sponsorIds</c>), each a full member with voting
/// rights, not under 留党察看, not the applicant. Every problem is named in one message.
/// </summary>
public sealed class SponsorsTwoFullMembers : IRule
{
    public string Id => "sponsors-two-full-members";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RuleParameter.Integer("count", 2, minimum: 1)],
        Facts = [RuleFact.Named("sponsorIds")],
        Fields = [RuleFact.Named("sponsorIds")],
    };

    public RuleResult Evaluate(RuleContext context)
    {
        var count = context.IntParameter("count");
        var sponsors = MemberList.Read(context.Facts, "sponsorIds");
        var problems = new List<(string Zh, string En)>();

        foreach (var id in sponsors.Repeated)
            problems.Add(($"{id} 重复列出", $"{id} is listed more than once"));
        if (sponsors.Distinct.Count != count)
            problems.Add(($"应有{count}名不同的入党介绍人，实际为{sponsors.Distinct.Count}名", $"exactly {count} distinct sponsors are required, {sponsors.Distinct.Count} given"));
        foreach (var id in sponsors.Distinct)
        {
            if (id == context.Instance.SubjectId)
            {
                problems.Add(($"{id} 是申请人本人", $"{id} is the applicant"));
                continue;
            }
            if (!context.Registry.People.TryGetValue(id, out var person)) continue;
            if (MemberList.NotAFullMemberWithVote(id, person) is { } problem) problems.Add(problem);
            if (person.UnderProbationaryDiscipline) problems.Add(($"{id} 正在留党察看期间", $"{id} is under probationary discipline (留党察看)"));
        }
        return MemberList.Combine("入党介绍人不符合要求", "sponsors do not qualify", problems);
    }
}
