using System.Text.Json.Nodes;

namespace PartyWorkflow.Engine.Rules;

/// <summary>Every document of the <c>documents</c> parameter (an array of document ids) is on file.</summary>
public sealed class MaterialsComplete : IRule
{
    public string Id => "materials-complete";

    public RuleResult Evaluate(RuleContext context) => Judge(context);

    public RuleResult? Preview(RuleContext context) => Judge(context);

    private static RuleResult Judge(RuleContext context)
    {
        var required = (context.Parameters["documents"] as JsonArray ?? [])
            .Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)
            .OfType<string>();
        var missing = required.Where(d => !context.Instance.Documents.Contains(d)).Distinct().ToList();
        return missing.Count == 0
            ? RuleResult.Pass
            : RuleResult.Fail(
                $"材料不齐全，缺少{missing.Count}份：{string.Join("、", missing)}",
                $"materials incomplete, {missing.Count} missing: {string.Join(", ", missing)}");
    }

    public IEnumerable<string> CheckParameters(JsonObject parameters)
    {
        if (parameters["documents"] is not JsonArray documents)
        {
            yield return "documents is required: an array of the document ids that must be on file";
            yield break;
        }
        for (var i = 0; i < documents.Count; i++)
            if (documents[i] is not JsonValue v || !v.TryGetValue<string>(out var s) || string.IsNullOrWhiteSpace(s))
                yield return $"documents[{i}] must be a document id (a non-empty string)";
    }
}
