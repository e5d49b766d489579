namespace PartyWorkflow.Engine.Definitions;

/// <summary>
/// What a definition's instances are about (<c>person</c>, <c>organization</c>…) and which of them
/// may not be open twice at once.
/// </summary>
public sealed record SubjectDefinition
{
    public required string Kind { get; init; }
    public IReadOnlyList<UniquenessDefinition> Unique { get; init; } = [];
}

/// <summary>
/// "At most one open instance per key": while an instance is open it holds a lock
/// (<see cref="Constraint"/>, key) for each key, and a second instance cannot take the same one.
/// The keys are the subject's id (<c>"key": "subject"</c>) or the ids a fact of the first step lists
/// (<c>"key": "fact:unitIds"</c>), so one instance may lock several keys.
/// </summary>
public sealed record UniquenessDefinition
{
    public required string Constraint { get; init; }
    public string Key { get; init; } = "subject";
    public LocalizedText? Name { get; init; }

    public const string SubjectKey = "subject";
    public const string FactPrefix = "fact:";
}
