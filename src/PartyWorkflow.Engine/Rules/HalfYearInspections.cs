using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// At least one inspection (<c>inspectionStep</c>, by its date) in every complete period of
/// <c>months</c> (6) since the activist was confirmed (<c>fromStep</c>) on c. Period k runs from the
/// day after c.AddMonths(months·k) (from c itself for the first) up to and including
/// c.AddMonths(months·(k+1)); it is complete when its end is on or before the day judged. The end
/// is inclusive so that an inspection on the day the <c>inspection-due</c> deadline falls counts.
/// </summary>
public sealed class HalfYearInspections : IRule
{
    public string Id => "half-year-inspections";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RuleParameter.Integer("months", 6, minimum: 1), RuleParameter.Step("fromStep", "confirm-activist"), RuleParameter.Step("inspectionStep", "record-inspection")],
        Fields = [RuleFact.ActionDate],
    };

    public RuleResult Evaluate(RuleContext context) => Judge(context, context.ActionDate ?? context.Today);

    public RuleResult? Preview(RuleContext context) => Judge(context, context.Today);

    private static RuleResult Judge(RuleContext context, DateOnly on)
    {
        var months = Math.Max(1, context.IntParameter("months"));
        // Not yet an activist: no period has begun (activist-training-one-year reports the missing step).
        if (context.Instance.StepDate(context.StringParameter("fromStep")) is not { } since)
            return RuleResult.Pass;
        var inspections = context.Instance.Occurrences(context.StringParameter("inspectionStep"))
            .Select(o => FactReader.Date(o, "date"))
            .OfType<DateOnly>()
            .ToList();

        for (var k = 0; ; k++)
        {
            var start = k == 0 ? since : since.AddMonths(months * k).AddDays(1);
            var end = since.AddMonths(months * (k + 1));
            if (end > on) return RuleResult.Pass;
            if (inspections.Any(d => d >= start && d <= end)) continue;
            var last = end;
            return RuleResult.Fail(
                $"培养教育考察不足：{FactReader.Format(start)} 至 {FactReader.Format(last)} 这{months}个月内没有考察记录（每{months}个月至少考察一次）",
                $"missing inspection: none recorded from {FactReader.Format(start)} to {FactReader.Format(last)}; at least one is required in every {months} months since {FactReader.Format(since)}");
        }
    }
}
