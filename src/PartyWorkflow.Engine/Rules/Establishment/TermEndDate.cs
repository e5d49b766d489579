using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// <c>term-end-date</c> (compute): a term starts on the day of the founding election (not of the
/// registration) and lasts <c>years</c> (3), or <c>committeeYears</c> (5) for a party committee.
/// It computes <c>termStart</c> and <c>termEnd</c>, from which the <c>term-end</c> deadline counts.
/// The meeting is <c>meetingStep</c>'s latest: the founding meeting, or a renewal's election.
/// </summary>
public sealed class TermEndDate : IRule
{
    public string Id => "term-end-date";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RuleParameter.Integer("years", 3, minimum: 1, maximum: 10), RuleParameter.Integer("committeeYears", 5, minimum: 1, maximum: 10),
            RuleParameter.Text("meetingStep", "hold-founding-meeting")],
    };

    public RuleResult Evaluate(RuleContext context)
    {
        var meeting = context.Instance.Occurrences(context.StringParameter("meetingStep")).LastOrDefault();
        if (FactReader.Date(meeting, "date") is not { } elected) return RuleResult.Pass;
        // A request's proposed kind; a renewal's organization, its subject, as the registry has it.
        var kind = RequestUnits.Latest(context with { Facts = [] }, "proposedKind")?.GetValue<string>()
                   ?? (context.Instance.SubjectId is { } subject ? context.Registry.Organizations.GetValueOrDefault(subject)?.Kind : null);
        var years = kind == "party-committee" ? context.IntParameter("committeeYears") : context.IntParameter("years");
        return RuleResult.Computes(new Dictionary<string, DateOnly> { ["termStart"] = elected, ["termEnd"] = elected.AddYears(years) });
    }
}
