namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// <c>step-fits-mode</c>: the step belongs to the path of the request's formation mode (<c>modes</c>,
/// comma-separated): a founding meeting is for standalone and joint requests, the host's coverage
/// for affiliated ones, the instructor's assignment for dispatched ones. One sequence of steps
/// serves every mode; this rule keeps each request on its path.
/// </summary>
public sealed class StepFitsMode : IRule
{
    public string Id => "step-fits-mode";

    /// <remarks><c>of</c>: <c>request</c> reads the mode the request was made with, whatever the action says (for resume-as-standalone).</remarks>
    public RuleContract Contract { get; } = new() { Parameters = [RuleParameter.Text("modes", "standalone,joint"), RuleParameter.Text("of", "current")] };

    public RuleResult Evaluate(RuleContext context) => Judge(context);

    public RuleResult? Preview(RuleContext context) => Judge(context);

    private static RuleResult Judge(RuleContext context)
    {
        var modes = context.StringParameter("modes").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var mode = context.StringParameter("of") == "request"
            ? Execution.FactReader.Text(context.Instance.StepFacts(RequestUnits.RequestStep), "mode")
            : RequestUnits.ModeOf(context);
        return mode is null || modes.Contains(mode) ? RuleResult.Pass
            : RuleResult.Fail($"{context.Step.Name.Zh}不适用于组建方式“{mode}”（适用：{string.Join("、", modes)}）",
                $"{context.Step.Name.En} is not on the path of a {mode} request (it is for: {string.Join(", ", modes)})");
    }
}
