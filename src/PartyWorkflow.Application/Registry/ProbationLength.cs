using System.Text.Json.Nodes;
using PartyWorkflow.Application.Workflows;

namespace PartyWorkflow.Application.Registry;

/// <summary>
/// How long probation lasts for a member registered directly (not admitted through the system): as
/// long as the definition in force for the branch says (its <c>probation-one-year</c> rule, with the
/// jurisdiction's overlay), so that a local rule and the registry never disagree.
/// </summary>
public sealed class ProbationLength(WorkflowCatalog catalog, JurisdictionResolver jurisdictions)
{
    public const string RuleId = "probation-one-year";
    private const string SubjectKind = "person";

    public async Task<int> MonthsAsync(Guid branchId, CancellationToken ct)
    {
        var jurisdiction = await jurisdictions.ResolveAsync(branchId, ct);
        foreach (var definition in catalog.Definitions.Where(d => d.IsPublished && d.Subject.Kind == SubjectKind).OrderByDescending(d => d.Version))
        {
            var overlay = catalog.LatestOverlay(jurisdiction, definition.DefinitionId);
            var workflow = catalog.Find(definition.DefinitionId, definition.Version, overlay?.JurisdictionId, overlay?.Version);
            var reference = workflow?.Definition.Steps.SelectMany(s => s.Rules).FirstOrDefault(r => r.Id == RuleId && r.Enabled);
            if (reference is null || !catalog.Rules.TryGet(RuleId, out var rule)) continue;
            var months = reference.Parameters["months"] ?? rule.Contract.Parameter("months")?.Default;
            if (months is JsonValue value && value.TryGetValue<int>(out var m)) return m;
        }
        throw new InvalidOperationException($"no published definition about a {SubjectKind} has the rule '{RuleId}' with a length in months");
    }
}
