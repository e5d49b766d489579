namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// <c>unit-not-covered</c>: no unit of the request is covered by an organization on its date (or by
/// coverage that starts later), nor named by another open request (a lock under one of the
/// definition's unit constraints). A temporary (functional) organization covers no unit of its own.
/// </summary>
public sealed class UnitNotCoveredByOthers : IRule
{
    public string Id => "unit-not-covered";

    public RuleContract Contract { get; } = new() { Parameters = [RequestUnits.UnitsFact], Fields = [RuleFact.Named("unitIds", optional: true)] };

    public RuleResult Evaluate(RuleContext context)
    {
        var request = RequestUnits.From(context);
        if (request.Mode == "functional" || request.Date is not { } date) return RuleResult.Pass;
        var covered = request.Units.Where(u => u.CoveredOn(date, orLater: true) is { Mode: not "functional" }).Select(u => u.Name).ToList();
        if (covered.Count > 0)
            return RuleResult.Fail($"{string.Join("、", covered)}已由其他党组织覆盖", $"{string.Join(", ", covered)} is covered by another party organization already");
        var requested = request.Units.Where(u => u.Locks.Count > 0).Select(u => u.Name).ToList();
        return requested.Count == 0 ? RuleResult.Pass
            : RuleResult.Fail($"{string.Join("、", requested)}已在另一份未办结的组建请示中", $"{string.Join(", ", requested)} is in another open establishment request");
    }
}
