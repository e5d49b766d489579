using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// What the establishment rules read of a request: its formation mode, the units it names (from the
/// registry snapshot) and its date. Facts the action does not carry are the request's, as stored.
/// </summary>
internal sealed record RequestUnits(string? Mode, IReadOnlyList<UnitSnapshot> Units, DateOnly? Date)
{
    public const string RequestStep = "submit-request";
    /// <summary>A dispatched request that now has three full members continues as a standalone one: this step's <c>mode</c> says so.</summary>
    public const string ResumeStep = "resume-as-standalone";
    /// <summary>The fact listing the units, on the request (read from its stored facts on later steps).</summary>
    public static readonly RuleParameter UnitsFact = RuleParameter.Text("units", "unitIds");

    public static RequestUnits From(RuleContext context)
    {
        var request = context.Instance.StepFacts(RequestStep);
        var mode = ModeOf(context);
        var field = context.StringParameter("units");
        var units = FactReader.Ids(context.Facts[field] ?? request?[field]).Select(id => context.Registry.Units.GetValueOrDefault(id)).OfType<UnitSnapshot>().ToList();
        return new RequestUnits(mode, units, context.ActionDate ?? FactReader.Date(request, "date"));
    }

    /// <summary>A request's amendments, on the state the review returned it to.</summary>
    public const string AmendStep = "amend-request";

    /// <summary>A fact of the request as it stands: the action's, else the latest amendment's, else the resumed request's, else the request's.</summary>
    public static JsonNode? Latest(RuleContext context, string field) =>
        context.Facts[field] ?? context.Instance.Occurrences(AmendStep).LastOrDefault(o => o[field] is not null)?[field]
        ?? context.Instance.StepFacts(ResumeStep)?[field] ?? context.Instance.StepFacts(RequestStep)?[field];

    /// <summary>The request's mode: the action's, else the resumed one, else the request's.</summary>
    public static string? ModeOf(RuleContext context) =>
        FactReader.Text(context.Facts, "mode") ?? FactReader.Text(context.Instance.StepFacts(ResumeStep), "mode")
        ?? FactReader.Text(context.Instance.StepFacts(RequestStep), "mode");

    public int FullMembers => Units.Sum(u => u.FullMembers);

    public int Members => Units.Sum(u => u.FullMembers + u.ProbationaryMembers);
}
