using System.Text.Json;
using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Funds;

namespace PartyWorkflow.Application.Workflows;

/// <summary>
/// The funds policies under <c>workflows/policies/funds.&lt;jurisdiction&gt;.json</c>, each checked
/// against <c>schema/funds-policy.schema.json</c>. An organization falls under its county's policy,
/// or else under the prefecture's.
/// </summary>
public sealed class FundsPolicies(IReadOnlyDictionary<string, FundsPolicy> byJurisdiction, string? prefecture)
{
    public static readonly FundsPolicies None = new(new Dictionary<string, FundsPolicy>(), null);

    public IEnumerable<FundsPolicy> All => byJurisdiction.Values.OrderBy(p => p.Jurisdiction, StringComparer.Ordinal);

    public FundsPolicy? For(string? countyCode) =>
        (countyCode is not null ? byJurisdiction.GetValueOrDefault(countyCode) : null)
        ?? (prefecture is not null ? byJurisdiction.GetValueOrDefault(prefecture) : null);

    private sealed record PolicyFile(
        string Jurisdiction, string? Source, string EffectiveFrom, bool? CountEstablishmentMonth, bool? CountDissolutionMonth,
        List<string>? ExcludedFormationModes, List<FundsItem> Items);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static FundsPolicies Load(string directory, ReferenceLists reference, List<DefinitionError> errors)
    {
        var folder = Path.Combine(directory, "policies");
        if (!Directory.Exists(folder)) return None;
        var schema = SchemaCheck.FromText(File.ReadAllText(Path.Combine(directory, "schema", "funds-policy.schema.json")));
        var before = errors.Count;
        var policies = new Dictionary<string, FundsPolicy>();
        foreach (var path in Directory.GetFiles(folder, "funds.*.json").Order(StringComparer.Ordinal))
        {
            var file = Path.Combine("policies", Path.GetFileName(path));
            var (root, fileErrors) = schema.Read(file, File.ReadAllText(path));
            errors.AddRange(fileErrors);
            if (root is not { } element) continue;
            var data = element.Deserialize<PolicyFile>(Options)!;
            if (Path.GetFileName(path) != $"funds.{data.Jurisdiction}.json")
                errors.Add(new DefinitionError(file, "$.jurisdiction", $"the policy of {data.Jurisdiction} must be named funds.{data.Jurisdiction}.json"));
            if (reference.Counties.Count > 0 && reference.County(data.Jurisdiction) is null)
                errors.Add(new DefinitionError(file, "$.jurisdiction", $"no county or prefecture with code {data.Jurisdiction} in reference/counties.json"));
            if (!FactReader.TryParseDate(data.EffectiveFrom, out var effective))
                errors.Add(new DefinitionError(file, "$.effectiveFrom", $"'{data.EffectiveFrom}' is not a real date"));
            foreach (var duplicate in data.Items.GroupBy(i => i.Id).Where(g => g.Count() > 1))
                errors.Add(new DefinitionError(file, "$.items", $"the item id {duplicate.Key} appears more than once"));
            policies[data.Jurisdiction] = new FundsPolicy(data.Jurisdiction, data.Source, effective, data.Items,
                data.CountEstablishmentMonth ?? true, data.CountDissolutionMonth ?? true, data.ExcludedFormationModes);
        }
        return errors.Count > before ? None : new FundsPolicies(policies, reference.PrefectureCode);
    }
}
