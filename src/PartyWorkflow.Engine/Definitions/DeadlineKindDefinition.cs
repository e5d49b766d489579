namespace PartyWorkflow.Engine.Definitions;

/// <summary>A kind of deadline: when it falls due and who is reminded of it.</summary>
public sealed record DeadlineKindDefinition
{
    public required string Kind { get; init; }
    public required LocalizedText Name { get; init; }
    public required DueDefinition Due { get; init; }
    public IReadOnlyList<ReminderDefinition> Reminders { get; init; } = [];
    /// <summary>
    /// Opened only before this step is completed: half-year inspections are due until designation,
    /// although inspections go on being recorded after it.
    /// </summary>
    public string? OpenUntil { get; init; }
    /// <summary>
    /// Stays open when the instance ends (and may be opened by its last action): the end of a term
    /// an establishment registered outlives the establishment; a renewal closes it.
    /// </summary>
    public bool OutlivesInstance { get; init; }
}

/// <summary>
/// The due date: <c>months</c> after <c>from</c>, which is <c>date</c> (the opening action's date)
/// or the name of a computed date such as <c>probationEnd</c>.
/// </summary>
public sealed record DueDefinition
{
    public string From { get; init; } = "date";
    public int Months { get; init; }
}

/// <summary>A reminder: <c>before</c> (days before due), <c>due</c> (on the day) or <c>overdue</c> (every N days after).</summary>
public sealed record ReminderDefinition
{
    public required string Kind { get; init; }
    public int Days { get; init; }
    public required IReadOnlyList<string> To { get; init; }
}
