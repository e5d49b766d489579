using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// <c>project-end-date</c> (compute): a functional (temporary) organization's request names its
/// project's expected end, on or after the request's date; it becomes the instance's date
/// <c>projectEnd</c>, from which the <c>project-end</c> deadline counts. Other modes need none.
/// </summary>
public sealed class ProjectEndDate : IRule
{
    public string Id => "project-end-date";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RuleParameter.Integer("minMonths", 6, minimum: 0, maximum: 120)],
        Facts = [RuleFact.Named("projectEndsOn", optional: true)],
        Fields = [RuleFact.Named("projectEndsOn", optional: true)],
    };

    public RuleResult Evaluate(RuleContext context)
    {
        if (RequestUnits.ModeOf(context) != "functional") return RuleResult.Pass;
        var months = context.IntParameter("minMonths");
        if (FactReader.Date(context.Facts, "projectEndsOn") is not { } end)
            return RuleResult.Fail("功能型党组织应写明项目预计结束日期（projectEndsOn）", "a functional organization's request gives its project's expected end (projectEndsOn)");
        return context.ActionDate is { } date && end < date.AddMonths(months)
            ? RuleResult.Fail($"项目应持续{months}个月以上，方可建立临时党组织", $"a temporary organization is for a project of {months} months or more")
            : RuleResult.Computes(new Dictionary<string, DateOnly> { ["projectEnd"] = end });
    }
}
