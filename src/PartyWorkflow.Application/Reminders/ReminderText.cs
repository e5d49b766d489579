using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Reminders;

namespace PartyWorkflow.Application.Reminders;

/// <summary>What a reminder says, from the definition's templates: Chinese first, English beside it.</summary>
public static class ReminderText
{
    public static (string Subject, string Body) Compose(ReminderTextDefinition text, DeadlineKindDefinition kind, ReminderOccurrence occurrence, DateOnly due, string subjectName)
    {
        var dueText = FactReader.Format(due);
        var days = Math.Abs(due.DayNumber - occurrence.FireOn.DayNumber);
        var (zh, en) = occurrence.Kind switch
        {
            "before" => ($"还有{days}天到期", $"due in {days} days"),
            "due" => ("今天到期", "due today"),
            _ => ($"已逾期{days}天", $"{days} days overdue"),
        };
        string Fill(string template) => template
            .Replace("{kindZh}", kind.Name.Zh).Replace("{kindEn}", kind.Name.En).Replace("{subject}", subjectName)
            .Replace("{due}", dueText).Replace("{statusZh}", zh).Replace("{statusEn}", en);
        return (Fill(text.Subject), Fill(text.Body));
    }
}
