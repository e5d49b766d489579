using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>The applicant is at least <c>minimumAge</c> (18) on the application date; the birth date comes from the citizen ID.</summary>
public sealed class ApplicantAge18 : IRule
{
    public string Id => "applicant-age-18";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RuleParameter.Integer("minimumAge", 18, minimum: 1)],
        Facts = [RuleFact.Named("person")],
        Fields = [RuleFact.Named("person.citizenId")],
    };

    public RuleResult Evaluate(RuleContext context)
    {
        // An unreadable ID is citizen-id-valid's to report; this rule has nothing to judge then.
        if (CitizenId.Problem(FactReader.Text(context.Facts["person"] as JsonObject, "citizenId"), out var birth) is not null)
            return RuleResult.Pass;
        if (context.ActionDate is not { } applied) return RuleResult.Pass;
        var minimumAge = context.IntParameter("minimumAge");
        var comesOfAge = birth.AddYears(minimumAge);
        return applied >= comesOfAge
            ? RuleResult.Pass
            : RuleResult.Fail(
                $"申请人未满{minimumAge}周岁：出生于{FactReader.Format(birth)}，{FactReader.Format(comesOfAge)}年满{minimumAge}周岁",
                $"the applicant is under {minimumAge}: born {FactReader.Format(birth)}, turns {minimumAge} on {FactReader.Format(comesOfAge)}",
                comesOfAge);
    }
}
