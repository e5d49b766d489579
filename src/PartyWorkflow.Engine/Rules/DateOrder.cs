using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>An action's date is not before the previous step's date (the last step of the sequence) and not after today.</summary>
public sealed class DateOrder : IRule
{
    public string Id => "date-order";

    public RuleContract Contract { get; } = new() { Fields = [RuleFact.ActionDate] };

    public RuleResult Evaluate(RuleContext context)
    {
        if (context.ActionDate is not { } date) return RuleResult.Pass;
        if (date > context.Today)
            return RuleResult.Fail(
                $"日期{FactReader.Format(date)}晚于今天{FactReader.Format(context.Today)}",
                $"the date {FactReader.Format(date)} is after today, {FactReader.Format(context.Today)}");
        if (context.Instance.LastStepDate is { } previous && date < previous)
            return RuleResult.Fail(
                $"日期{FactReader.Format(date)}早于上一步的日期{FactReader.Format(previous)}",
                $"the date {FactReader.Format(date)} is before the previous step's date, {FactReader.Format(previous)}");
        return RuleResult.Pass;
    }
}
