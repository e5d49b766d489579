using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Reminders;

/// <summary>Open deadlines as an iCalendar (RFC 5545) document: one all-day event per deadline, reminded the day before.</summary>
public static class DeadlineCalendar
{
    public const string ProductId = "-//PartyWorkflow//Deadlines//ZH";

    public static string Write(string ownerName, IEnumerable<Deadline> deadlines, IReadOnlyDictionary<(string Kind, Guid Id), string> subjectNames, WorkflowCatalog catalog)
    {
        var calendar = new Calendar { ProductId = ProductId };
        // The name phone calendars show for a subscription (a de-facto standard, not RFC 5545).
        calendar.AddProperty("X-WR-CALNAME", $"{ownerName} 党建工作期限");
        foreach (var deadline in deadlines.OrderBy(d => d.DueDate).ThenBy(d => d.Id))
            calendar.Events.Add(Event(deadline, subjectNames.GetValueOrDefault((deadline.SubjectKind, deadline.SubjectId)) ?? "", catalog));
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent Event(Deadline deadline, string personName, WorkflowCatalog catalog)
    {
        var kind = catalog.DeadlineKind(deadline.DefinitionId, deadline.DefinitionVersion, deadline.Kind)?.Name;
        var (zh, en) = (kind?.Zh ?? deadline.Kind, kind?.En ?? deadline.Kind);
        var due = FactReader.Format(deadline.DueDate);
        var summary = $"{zh}：{personName}";
        var calendarEvent = new CalendarEvent
        {
            // Stable across fetches, so a client updates the event in place instead of duplicating it.
            Uid = $"{deadline.Id}@partyworkflow",
            // When the deadline was last revised (it never changes once opened): Ical.Net would
            // otherwise stamp the wall-clock time of every fetch.
            DtStamp = new CalDateTime(deadline.OpenedAt.UtcDateTime, CalDateTime.UtcTzId),
            // Date-only values make an all-day event on that date wherever the phone is.
            DtStart = new CalDateTime(deadline.DueDate),
            DtEnd = new CalDateTime(deadline.DueDate.AddDays(1)),
            Summary = summary,
            Description = $"{zh}：{personName}，期限 {due}。\n{en}: {personName}, due {due}.",
        };
        calendarEvent.Alarms.Add(new Alarm
        {
            Action = AlarmAction.Display,
            Description = summary,
            Trigger = new Trigger(Duration.FromDays(-1)),
        });
        return calendarEvent;
    }
}
