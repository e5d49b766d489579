using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Dates;
using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// A local rule: the publicity (公示) of the development target, <c>publicityStart</c> to
/// <c>publicityEnd</c> inclusive, ends before the review and covers at least <c>workingDays</c> (5)
/// working days by the calendar. A year without a calendar is refused, never guessed.
/// </summary>
public sealed class PublicityFiveWorkingDays(WorkingDayCalendar calendar) : IRule
{
    public string Id => "publicity-5-working-days";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RuleParameter.Integer("workingDays", 5, minimum: 1)],
        Facts = [RuleFact.Named("publicityStart", optional: true), RuleFact.Named("publicityEnd", optional: true)],
        Fields = [RuleFact.Named("publicityStart"), RuleFact.Named("publicityEnd")],
    };

    public RuleResult Evaluate(RuleContext context)
    {
        var required = context.IntParameter("workingDays");
        var start = FactReader.Date(context.Facts, "publicityStart");
        var end = FactReader.Date(context.Facts, "publicityEnd");
        if (start is null || end is null)
            return RuleResult.Fail(
                $"须写明公示的起止日期（publicityStart、publicityEnd），公示不少于{required}个工作日",
                $"the publicity's start and end (publicityStart, publicityEnd) are required; it must last at least {required} working days");
        var (from, to) = (start.Value, end.Value);
        var span = $"{FactReader.Format(from)} 至 {FactReader.Format(to)}";
        var spanEn = $"{FactReader.Format(from)} to {FactReader.Format(to)}";
        if (from > to)
            return RuleResult.Fail($"公示开始日期晚于结束日期：{span}", $"the publicity starts after it ends: {spanEn}");
        if (context.ActionDate is { } review && to >= review)
            return RuleResult.Fail(
                $"公示须在支部委员会审查前结束：公示 {span}，审查日期 {FactReader.Format(review)}",
                $"the publicity must end before the review: publicity {spanEn}, review on {FactReader.Format(review)}");
        if (calendar.MissingYears(from, to) is { Count: > 0 } missing)
            return RuleResult.Fail(
                $"缺少{string.Join("、", missing.Select(y => $"{y}年"))}的工作日历，无法计算公示 {span} 的工作日",
                $"no working-day calendar for {string.Join(", ", missing)}: the working days of the publicity {spanEn} cannot be counted");
        var days = calendar.CountWorkingDays(from, to);
        return days >= required
            ? RuleResult.Pass
            : RuleResult.Fail(
                $"公示不足{required}个工作日：{span} 只有{days}个工作日",
                $"the publicity lasts fewer than {required} working days: {spanEn} has {days}");
    }
}
