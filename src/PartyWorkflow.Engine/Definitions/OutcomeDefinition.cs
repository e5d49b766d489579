namespace PartyWorkflow.Engine.Definitions;

/// <summary>
/// One way a step can end. Negative decisions the body was entitled to take are outcomes too:
/// they are recorded and lead back, they are not refusals.
/// </summary>
public sealed record OutcomeDefinition
{
    public required string Id { get; init; }
    public LocalizedText? Name { get; init; }
    /// <summary>When the outcome applies; none: always (the last outcome of a list).</summary>
    public Condition? When { get; init; }
    /// <summary>The state the instance moves to: a step id or an end state id. None: the step itself.</summary>
    public string? GoTo { get; init; }
    public DeadlineChanges Deadlines { get; init; } = new();
    /// <summary>Effects of this outcome, after the step's own (<c>set-membership</c>, say).</summary>
    public IReadOnlyList<EffectDefinition> Effects { get; init; } = [];
}

/// <summary>
/// A condition over the action's facts (<c>fact</c>), facts stored by earlier steps
/// (<c>storedFact</c> as <c>step-id.field</c>), or whether a deciding rule was met (<c>rule</c>).
/// </summary>
public sealed record Condition
{
    public string? Fact { get; init; }
    public string? StoredFact { get; init; }
    public string? EqualTo { get; init; }
    public string? Rule { get; init; }
    public bool? Met { get; init; }
    public IReadOnlyList<Condition>? All { get; init; }
}
