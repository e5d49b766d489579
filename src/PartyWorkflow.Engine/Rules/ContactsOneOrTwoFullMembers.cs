using System.Text.Json.Nodes;

namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// <c>min</c> (1) to <c>max</c> (2) distinct training contacts (<c>contactIds</c>), each a full
/// member with voting rights, none of them the applicant. Every problem is named in one message.
/// </summary>
public sealed class ContactsOneOrTwoFullMembers : IRule
{
    public string Id => "contacts-1-or-2-full-members";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RuleParameter.Integer("min", 1, minimum: 1), RuleParameter.Integer("max", 2, minimum: 1)],
        Facts = [RuleFact.Named("contactIds")],
        Fields = [RuleFact.Named("contactIds")],
    };

    public RuleResult Evaluate(RuleContext context)
    {
        var min = context.IntParameter("min");
        var max = context.IntParameter("max");
        var contacts = MemberList.Read(context.Facts, "contactIds");
        var problems = new List<(string Zh, string En)>();

        foreach (var id in contacts.Repeated)
            problems.Add(($"{id} 重复列出", $"{id} is listed more than once"));
        if (contacts.Distinct.Count < min || contacts.Distinct.Count > max)
            problems.Add((
                $"应有{Range(min, max, "至")}名不同的培养联系人，实际为{contacts.Distinct.Count}名",
                $"{Range(min, max, " to ")} distinct contacts are required, {contacts.Distinct.Count} given"));
        foreach (var id in contacts.Distinct)
        {
            if (id == context.Instance.SubjectId)
            {
                problems.Add(($"{id} 是申请人本人", $"{id} is the applicant"));
                continue;
            }
            if (context.Registry.People.TryGetValue(id, out var person) && MemberList.NotAFullMemberWithVote(id, person) is { } problem)
                problems.Add(problem);
        }
        return MemberList.Combine("培养联系人不符合要求", "training contacts do not qualify", problems);
    }

    private static string Range(int min, int max, string separator) => min == max ? $"{min}" : $"{min}{separator}{max}";

    public IEnumerable<string> CheckParameters(JsonObject parameters)
    {
        if (ParameterChecks.Value(parameters, "min", Contract) is { } min && ParameterChecks.Value(parameters, "max", Contract) is { } max && min > max)
            yield return "min must not be greater than max";
    }
}
