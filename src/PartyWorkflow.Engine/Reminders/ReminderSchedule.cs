using PartyWorkflow.Engine.Definitions;

namespace PartyWorkflow.Engine.Reminders;

public sealed record ReminderOccurrence(string Kind, int Occurrence, DateOnly FireOn, IReadOnlyList<string> To);

/// <summary>
/// When a deadline's reminders fall, from its kind's declared schedule: <c>before</c> N days before
/// the due date, <c>due</c> on it, <c>overdue</c> every N days after it (occurrence 1, 2, 3…).
/// A kind with several <c>before</c> reminders (6 and 3 months before a term ends) numbers them
/// 0, 1… in the order declared, so that each is a reminder of its own.
/// Pure: the sweeps ask it which reminders fall in a range of days and when the next one falls.
/// </summary>
public static class ReminderSchedule
{
    /// <summary>Every reminder falling on a day from <paramref name="from"/> through <paramref name="through"/>, in date order.</summary>
    public static IEnumerable<ReminderOccurrence> Between(DeadlineKindDefinition kind, DateOnly due, DateOnly from, DateOnly through)
    {
        if (through < from) return [];
        var found = new List<ReminderOccurrence>();
        var before = 0;
        foreach (var reminder in kind.Reminders)
        {
            switch (reminder.Kind)
            {
                case "before" or "due":
                    var day = reminder.Kind == "before" ? due.AddDays(-reminder.Days) : due;
                    var occurrence = reminder.Kind == "before" ? before++ : 0;
                    if (day >= from && day <= through) found.Add(new ReminderOccurrence(reminder.Kind, occurrence, day, reminder.To));
                    break;
                case "overdue" when reminder.Days > 0:
                    var first = Math.Max(1, (from.DayNumber - due.DayNumber + reminder.Days - 1) / reminder.Days);
                    for (var k = first; due.AddDays(k * reminder.Days) <= through; k++)
                        if (due.AddDays(k * reminder.Days) >= from) found.Add(new ReminderOccurrence(reminder.Kind, k, due.AddDays(k * reminder.Days), reminder.To));
                    break;
            }
        }
        return found.OrderBy(o => o.FireOn);
    }

    /// <summary>The first day after <paramref name="after"/> on which a reminder falls; null when none ever will.</summary>
    public static DateOnly? NextAfter(DeadlineKindDefinition kind, DateOnly due, DateOnly after)
    {
        DateOnly? next = null;
        foreach (var reminder in kind.Reminders)
        {
            DateOnly? day = reminder.Kind switch
            {
                "before" => due.AddDays(-reminder.Days),
                "due" => due,
                "overdue" when reminder.Days > 0 => due.AddDays(Math.Max(1, (after.DayNumber - due.DayNumber) / reminder.Days + 1) * reminder.Days),
                _ => null,
            };
            if (day is { } d && d > after && (next is null || d < next)) next = d;
        }
        return next;
    }
}
