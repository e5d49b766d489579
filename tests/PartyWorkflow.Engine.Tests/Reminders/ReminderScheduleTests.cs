using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Reminders;

namespace PartyWorkflow.Engine.Tests.Reminders;

/// <summary>When a deadline's reminders fall, and how they are numbered (the number is part of each reminder's unique key).</summary>
public sealed class ReminderScheduleTests
{
    private static readonly DeadlineKindDefinition TermEnd = new()
    {
        Kind = "term-end", Name = new LocalizedText("任期届满", "term ends"), Due = new DueDefinition { From = "termEnd" },
        Reminders =
        [
            new ReminderDefinition { Kind = "before", Days = 183, To = ["organization"] },
            new ReminderDefinition { Kind = "before", Days = 92, To = ["organization"] },
            new ReminderDefinition { Kind = "overdue", Days = 30, To = ["organization"] },
        ],
    };

    [Fact]
    public void Several_reminders_before_a_deadline_are_numbered_apart_and_overdue_ones_count_from_one()
    {
        var due = new DateOnly(2027, 7, 1);
        var all = ReminderSchedule.Between(TermEnd, due, new DateOnly(2026, 1, 1), new DateOnly(2027, 8, 31))
            .Select(o => (o.Kind, o.Occurrence, o.FireOn)).ToList();
        Assert.Equal(
        [
            ("before", 0, new DateOnly(2026, 12, 30)),
            ("before", 1, new DateOnly(2027, 3, 31)),
            ("overdue", 1, new DateOnly(2027, 7, 31)),
            ("overdue", 2, new DateOnly(2027, 8, 30)),
        ], all);
        // Swept from a later day on, the second keeps its number.
        Assert.Equal(("before", 1), ReminderSchedule.Between(TermEnd, due, new DateOnly(2027, 1, 1), new DateOnly(2027, 4, 1)).Select(o => (o.Kind, o.Occurrence)).Single());
        Assert.Equal(new DateOnly(2027, 3, 31), ReminderSchedule.NextAfter(TermEnd, due, new DateOnly(2026, 12, 30)));
    }
}
