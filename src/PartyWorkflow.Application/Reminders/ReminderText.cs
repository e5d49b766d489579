using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Reminders;

namespace PartyWorkflow.Application.Reminders;

/// <summary>What a reminder says: Chinese first, English beside it.</summary>
public static class ReminderText
{
    public static (string Subject, string Body) Compose(DeadlineKindDefinition kind, ReminderOccurrence occurrence, DateOnly due, string personName)
    {
        var dueText = FactReader.Format(due);
        var days = Math.Abs(due.DayNumber - occurrence.FireOn.DayNumber);
        var (zh, en) = occurrence.Kind switch
        {
            "before" => ($"还有{days}天到期", $"due in {days} days"),
            "due" => ("今天到期", "due today"),
            _ => ($"已逾期{days}天", $"{days} days overdue"),
        };
        var subject = $"【{kind.Name.Zh}】{personName}：{zh}（{dueText}）";
        var body =
            $"{personName}同志的“{kind.Name.Zh}”期限为 {dueText}，{zh}。请及时办理。\n" +
            $"{personName}: {kind.Name.En} on {dueText}, {en}. Please see to it.";
        return (subject, body);
    }
}
