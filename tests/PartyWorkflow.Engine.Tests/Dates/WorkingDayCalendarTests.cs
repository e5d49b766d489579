using PartyWorkflow.Engine.Dates;

namespace PartyWorkflow.Engine.Tests.Dates;

public class WorkingDayCalendarTests
{
    // A made-up 2030: Tuesday 1 October to Thursday 3 October are holidays, Sunday 29 September is worked (调休).
    // September 2030: Mon 23 … Fri 27, Sat 28, Sun 29; October: Tue 1, Wed 2, Thu 3, Fri 4, Sat 5, Sun 6, Mon 7.
    private static readonly CalendarYear Year2030 = new(2030,
        [new(2030, 10, 1), new(2030, 10, 2), new(2030, 10, 3)],
        [new(2030, 9, 29)]);

    private static readonly WorkingDayCalendar Calendar = new([Year2030]);

    [Fact]
    public void The_days_of_the_made_up_year_fall_on_the_weekdays_the_tests_assume()
    {
        Assert.Equal(DayOfWeek.Sunday, new DateOnly(2030, 9, 29).DayOfWeek);
        Assert.Equal(DayOfWeek.Tuesday, new DateOnly(2030, 10, 1).DayOfWeek);
    }

    [Theory]
    [InlineData("2030-09-27", true)]   // Friday
    [InlineData("2030-09-28", false)]  // Saturday
    [InlineData("2030-09-29", true)]   // Sunday worked instead (调休)
    [InlineData("2030-10-01", false)]  // Tuesday, a holiday
    [InlineData("2030-10-04", true)]   // Friday after the holidays
    [InlineData("2030-10-06", false)]  // Sunday
    public void A_day_is_a_working_day_by_weekday_holidays_and_make_up_days(string day, bool working)
    {
        Assert.Equal(working, Calendar.IsWorkingDay(Support.RuleFixtures.Day(day)));
    }

    [Fact]
    public void Counting_includes_both_ends_counts_the_make_up_Sunday_and_skips_the_weekday_holidays()
    {
        // Fri 27, Sun 29 (调休), Mon 30, Fri 4 = 4; Sat 28 and the holidays 1–3 October are not counted.
        Assert.Equal(4, Calendar.CountWorkingDays(new(2030, 9, 27), new(2030, 10, 4)));
        Assert.Equal(1, Calendar.CountWorkingDays(new(2030, 9, 29), new(2030, 9, 29)));
        Assert.Equal(0, Calendar.CountWorkingDays(new(2030, 10, 1), new(2030, 10, 3)));
    }

    [Fact]
    public void An_empty_span_counts_nothing()
    {
        Assert.Equal(0, Calendar.CountWorkingDays(new(2030, 9, 30), new(2030, 9, 27)));
    }

    [Fact]
    public void A_year_without_a_calendar_is_never_guessed()
    {
        Assert.True(Calendar.HasYear(2030));
        Assert.False(Calendar.HasYear(2031));
        var error = Assert.Throws<InvalidOperationException>(() => Calendar.IsWorkingDay(new(2031, 1, 6)));
        Assert.Contains("2031", error.Message);
        Assert.Throws<InvalidOperationException>(() => Calendar.CountWorkingDays(new(2030, 12, 30), new(2031, 1, 3)));
    }

    [Fact]
    public void Missing_years_are_listed_for_every_year_the_span_touches()
    {
        Assert.Empty(Calendar.MissingYears(new(2030, 1, 1), new(2030, 12, 31)));
        Assert.Equal([2029], Calendar.MissingYears(new(2029, 12, 28), new(2030, 1, 4)));
        Assert.Equal([2031, 2032], Calendar.MissingYears(new(2030, 12, 1), new(2032, 1, 1)));
        Assert.Equal([2029, 2030, 2031], WorkingDayCalendar.Empty.MissingYears(new(2029, 6, 1), new(2031, 6, 1)));
    }

    [Fact]
    public void A_span_across_years_is_counted_with_both_calendars()
    {
        var calendar = new WorkingDayCalendar([Year2030, new CalendarYear(2031, [new(2031, 1, 1)], [])]);

        // Mon 30 and Tue 31 December 2030; 1 January 2031 (Wednesday) a holiday; Thu 2 and Fri 3.
        Assert.Equal(4, calendar.CountWorkingDays(new(2030, 12, 30), new(2031, 1, 3)));
    }

    [Fact]
    public void Inconsistent_calendars_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar([Year2030, Year2030]));
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar([new CalendarYear(2030, [new(2031, 1, 1)], [])]));
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar([new CalendarYear(2030, [], [new(2030, 9, 30)])]));
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar([new CalendarYear(2030, [new(2030, 9, 29)], [new(2030, 9, 29)])]));
    }
}
