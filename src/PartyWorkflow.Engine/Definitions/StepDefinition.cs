namespace PartyWorkflow.Engine.Definitions;

/// <summary>One step (or side action) of a workflow: who may take it, what it records, which rules decide it.</summary>
public sealed record StepDefinition
{
    public required string Id { get; init; }
    /// <summary>The step's number in the domain spec; side actions have none.</summary>
    public int? Number { get; init; }
    public required LocalizedText Name { get; init; }
    public required IReadOnlyList<string> Actors { get; init; }
    /// <summary>The fact holding the date on which the step took place.</summary>
    public string DateFact { get; init; } = "date";
    /// <summary>The fact naming the organization the instance is filed under from this step on (the branch of an application, a transfer's new branch).</summary>
    public string? FilingFact { get; init; }
    public IReadOnlyDictionary<string, FactDefinition> Facts { get; init; } = new Dictionary<string, FactDefinition>();
    public IReadOnlyList<RuleReference> Rules { get; init; } = [];
    /// <summary>Documents the step puts on file.</summary>
    public IReadOnlyList<string> Documents { get; init; } = [];
    /// <summary>A repeating record: taken any number of times within <see cref="AllowedWhile"/>, never moving the instance.</summary>
    public bool Repeats { get; init; }
    /// <summary>
    /// For repeating steps and side actions: the ranges of states in which the action is allowed.
    /// Without it a step follows the previous step of the sequence.
    /// </summary>
    public IReadOnlyList<StepRange> AllowedWhile { get; init; } = [];
    /// <summary>Where the step leads; the first whose condition holds is taken. Empty: the step itself.</summary>
    public IReadOnlyList<OutcomeDefinition> Outcomes { get; init; } = [];
    /// <summary>Deadlines opened and closed when the step leads to its default outcome.</summary>
    public DeadlineChanges Deadlines { get; init; } = new();
    /// <summary>Effects of the step whatever its outcome (the first step registers the subject).</summary>
    public IReadOnlyList<EffectDefinition> Effects { get; init; } = [];
}

/// <summary>
/// States from the completion of <see cref="From"/> up to, not including, the completion of
/// <see cref="Until"/>. With <see cref="Stays"/>, a sequence step taken in these states is recorded
/// without moving the instance (a new political review after the training, say).
/// </summary>
public sealed record StepRange(string From, string Until, bool Stays = false);

public sealed record DeadlineChanges
{
    public IReadOnlyList<string> Open { get; init; } = [];
    public IReadOnlyList<string> Close { get; init; } = [];
}
