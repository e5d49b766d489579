namespace PartyWorkflow.Engine.Dates;

/// <summary>
/// The working-day calendar of one year, as the State Council publishes it: the public holidays
/// that fall on working days, and the weekend days that are worked instead (调休).
/// </summary>
public sealed record CalendarYear(int Year, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> WorkingWeekends);
