namespace PartyWorkflow.Engine.Rules;

/// <summary>Every document of the definition's checklist named by the <c>checklist</c> parameter is on file.</summary>
public sealed class MaterialsComplete : IRule
{
    public string Id => "materials-complete";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RuleParameter.Checklist("checklist")],
    };

    public RuleResult Evaluate(RuleContext context) => Judge(context);

    public RuleResult? Preview(RuleContext context) => Judge(context);

    private static RuleResult Judge(RuleContext context)
    {
        var checklist = context.StringParameter("checklist");
        var required = context.Definition?.Materials.FirstOrDefault(m => m.Id == checklist)?.Documents ?? [];
        var missing = required.Where(d => !context.Instance.Documents.Contains(d)).Distinct().ToList();
        return missing.Count == 0
            ? RuleResult.Pass
            : RuleResult.Fail(
                $"材料不齐全，缺少{missing.Count}份：{string.Join("、", missing)}",
                $"materials incomplete, {missing.Count} missing: {string.Join(", ", missing)}");
    }
}
