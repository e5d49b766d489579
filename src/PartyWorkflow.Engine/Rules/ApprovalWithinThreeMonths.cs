using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// The party committee approves within <c>months</c> (3) of the branch meeting (<c>meetingStep</c>,
/// branch-meeting-admission by default); up to <c>limitMonths</c> (6) only with a <c>specialReason</c>; never after.
/// </summary>
public sealed class ApprovalWithinThreeMonths : IRule
{
    public string Id => "approval-within-3-months";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RuleParameter.Step("meetingStep", "branch-meeting-admission"), RuleParameter.Integer("months", 3, minimum: 1), RuleParameter.Integer("limitMonths", 6, minimum: 1)],
        Facts = [RuleFact.Named("specialReason", optional: true)],
        Fields = [RuleFact.ActionDate, RuleFact.Named("specialReason")],
    };

    public RuleResult Evaluate(RuleContext context)
    {
        if (Limits(context) is not (var meeting, var months, var limitMonths, var due, var limit)) return NoMeeting;
        var on = context.ActionDate ?? context.Today;
        if (on <= due) return RuleResult.Pass;
        if (on > limit) return TooLate(meeting, limitMonths, limit, on);
        return !string.IsNullOrWhiteSpace(FactReader.Text(context.Facts, "specialReason"))
            ? RuleResult.Pass
            : RuleResult.Fail(
                $"审批日期 {FactReader.Format(on)} 距支部大会（{FactReader.Format(meeting)}）已超过{months}个月（应于 {FactReader.Format(due)} 前审批）；须写明特殊原因（specialReason），且最迟不超过{limitMonths}个月（{FactReader.Format(limit)}）",
                $"the approval on {FactReader.Format(on)} is more than {months} months after the branch meeting of {FactReader.Format(meeting)} (due by {FactReader.Format(due)}); it needs a specialReason and may not be later than {limitMonths} months ({FactReader.Format(limit)})");
    }

    /// <summary>Fails once today is past the outer limit, when no approval can be recorded any more.</summary>
    public RuleResult? Preview(RuleContext context)
    {
        if (Limits(context) is not (var meeting, _, var limitMonths, _, var limit)) return NoMeeting;
        return context.Today > limit ? TooLate(meeting, limitMonths, limit, context.Today) : RuleResult.Pass;
    }

    private static (DateOnly Meeting, int Months, int LimitMonths, DateOnly Due, DateOnly Limit)? Limits(RuleContext context)
    {
        if (context.Instance.StepDate(context.StringParameter("meetingStep")) is not { } meeting) return null;
        var months = context.IntParameter("months");
        var limitMonths = context.IntParameter("limitMonths");
        return (meeting, months, limitMonths, meeting.AddMonths(months), meeting.AddMonths(limitMonths));
    }

    private static readonly RuleResult NoMeeting = RuleResult.Fail("找不到支部大会的日期", "no branch meeting date is on record");

    private static RuleResult TooLate(DateOnly meeting, int limitMonths, DateOnly limit, DateOnly on) => RuleResult.Fail(
        $"{FactReader.Format(on)} 距支部大会（{FactReader.Format(meeting)}）已超过{limitMonths}个月（最迟 {FactReader.Format(limit)}），即使有特殊原因也不能再审批",
        $"{FactReader.Format(on)} is more than {limitMonths} months after the branch meeting of {FactReader.Format(meeting)} (the limit was {FactReader.Format(limit)}); no approval is possible, even with a special reason");

    public IEnumerable<string> CheckParameters(JsonObject parameters)
    {
        if (ParameterChecks.Value(parameters, "months", Contract) is { } months && ParameterChecks.Value(parameters, "limitMonths", Contract) is { } limit && months > limit)
            yield return "months must not be greater than limitMonths";
    }
}
