using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>The latest political review (<c>reviewStep</c>) passed.</summary>
public sealed class PoliticalReviewPassed : IRule
{
    public string Id => "political-review-passed";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RuleParameter.Step("reviewStep", "political-review")],
    };

    public RuleResult Evaluate(RuleContext context) => Judge(context);

    public RuleResult? Preview(RuleContext context) => Judge(context);

    private static RuleResult Judge(RuleContext context)
    {
        var latest = context.Instance.Occurrences(context.StringParameter("reviewStep")).LastOrDefault();
        if (latest is null)
            return RuleResult.Fail("尚未进行政治审查", "no political review is on record");
        var result = FactReader.Text(latest, "result");
        if (result == "passed") return RuleResult.Pass;
        var date = FactReader.Date(latest, "date") is { } d ? FactReader.Format(d) : "?";
        return RuleResult.Fail(
            result == "failed" ? $"最近一次政治审查（{date}）结论为未通过" : $"最近一次政治审查（{date}）没有通过的结论",
            $"the latest political review ({date}) did not pass: its result is {result ?? "missing"}");
    }
}
