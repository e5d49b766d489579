namespace PartyWorkflow.Engine.Dates;

/// <summary>
/// Working days by the published calendars: Monday to Friday unless a public holiday, Saturday and
/// Sunday only when a make-up working day (调休). A year without a calendar is never guessed:
/// asking about it throws, and <see cref="MissingYears"/> lets a caller say so first.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly Dictionary<int, (HashSet<DateOnly> Holidays, HashSet<DateOnly> WorkingWeekends)> years = [];

    public static readonly WorkingDayCalendar Empty = new([]);

    public WorkingDayCalendar(IEnumerable<CalendarYear> years)
    {
        foreach (var year in years)
        {
            var holidays = year.Holidays.ToHashSet();
            var workingWeekends = year.WorkingWeekends.ToHashSet();
            if (First(holidays.Concat(workingWeekends), d => d.Year != year.Year) is { } stray)
                throw new ArgumentException($"the calendar of {year.Year} lists {Format(stray)}, a day of another year", nameof(years));
            if (First(workingWeekends, d => !IsWeekend(d)) is { } weekday)
                throw new ArgumentException($"the calendar of {year.Year} lists {Format(weekday)} as a make-up working day, but it is not a Saturday or Sunday", nameof(years));
            if (First(holidays, workingWeekends.Contains) is { } both)
                throw new ArgumentException($"the calendar of {year.Year} lists {Format(both)} both as a holiday and as a working day", nameof(years));
            if (!this.years.TryAdd(year.Year, (holidays, workingWeekends)))
                throw new ArgumentException($"the calendar of {year.Year} is given twice", nameof(years));
        }
    }

    public IReadOnlyCollection<int> Years => years.Keys;

    public bool HasYear(int year) => years.ContainsKey(year);

    /// <summary>The years from <paramref name="from"/> to <paramref name="to"/> (either order) that have no calendar, ascending.</summary>
    public IReadOnlyList<int> MissingYears(DateOnly from, DateOnly to)
    {
        var (first, last) = from <= to ? (from.Year, to.Year) : (to.Year, from.Year);
        return Enumerable.Range(first, last - first + 1).Where(y => !HasYear(y)).ToList();
    }

    /// <exception cref="InvalidOperationException">The day's year has no calendar.</exception>
    public bool IsWorkingDay(DateOnly day)
    {
        if (!years.TryGetValue(day.Year, out var year))
            throw new InvalidOperationException($"no working-day calendar for {day.Year}");
        return IsWeekend(day) ? year.WorkingWeekends.Contains(day) : !year.Holidays.Contains(day);
    }

    /// <summary>The working days from <paramref name="from"/> to <paramref name="to"/>, both included; 0 when <paramref name="to"/> is earlier.</summary>
    /// <exception cref="InvalidOperationException">A year of the span has no calendar.</exception>
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        if (to < from) return 0;
        if (MissingYears(from, to) is [var missing, ..])
            throw new InvalidOperationException($"no working-day calendar for {missing}");
        var count = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
            if (IsWorkingDay(day)) count++;
        return count;
    }

    private static DateOnly? First(IEnumerable<DateOnly> days, Func<DateOnly, bool> predicate) =>
        days.Where(predicate).Order().Select(d => (DateOnly?)d).FirstOrDefault();

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static string Format(DateOnly day) => Execution.FactReader.Format(day);
}
