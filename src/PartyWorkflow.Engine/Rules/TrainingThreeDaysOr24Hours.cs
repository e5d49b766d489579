using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// Training of at least <c>days</c> (3) days or at least <c>classHours</c> (24) class hours, summing
/// the <c>days</c> and <c>classHours</c> of the training step (<c>trainingStep</c>) and of every
/// attendance record (<c>attendanceStep</c>, a repeating step a definition may not have), and the
/// registry's training classes for activists or development targets the subject attended (the
/// seed's yearly activists' class) that the instance does not already name by <c>trainingClassId</c>.
/// </summary>
public sealed class TrainingThreeDaysOr24Hours : IRule
{
    /// <summary>Classes of the registry that count; those for secretaries and party workers do not.</summary>
    public static readonly string[] CountingKinds = ["activists", "development-targets"];

    public string Id => "training-3-days-or-24-hours";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RuleParameter.Integer("days", 3, minimum: 1), RuleParameter.Integer("classHours", 24, minimum: 1), RuleParameter.Step("trainingStep", "complete-training"), RuleParameter.Step("attendanceStep", "record-training-attendance")],
    };

    public RuleResult Evaluate(RuleContext context) => Judge(context);

    public RuleResult? Preview(RuleContext context) => Judge(context);

    private static RuleResult Judge(RuleContext context)
    {
        var minDays = context.IntParameter("days");
        var minHours = context.IntParameter("classHours");
        var records = context.Instance.Occurrences(context.StringParameter("trainingStep"))
            .Concat(context.Instance.Occurrences(context.StringParameter("attendanceStep")))
            .ToList();
        var named = records.Select(r => FactReader.Text(r, "trainingClassId")).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var classes = context.Registry.SubjectTraining
            .Where(t => CountingKinds.Contains(t.Kind) && !named.Contains(t.ClassId.ToString()))
            .ToList();
        var days = records.Sum(r => FactReader.Integer(r, "days") ?? 0) + classes.Sum(t => t.Days);
        var hours = records.Sum(r => FactReader.Integer(r, "classHours") ?? 0) + classes.Sum(t => t.ClassHours);
        return days >= minDays || hours >= minHours
            ? RuleResult.Pass
            : RuleResult.Fail(
                $"集中培训不足：共{days}天、{hours}学时，应不少于{minDays}天或{minHours}学时",
                $"not enough training: {days} day(s) and {hours} class hour(s) recorded; at least {minDays} days or {minHours} class hours are required");
    }
}
