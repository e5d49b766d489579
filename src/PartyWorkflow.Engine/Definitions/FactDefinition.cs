namespace PartyWorkflow.Engine.Definitions;

/// <summary>
/// The shape of one fact an action carries. Types: <c>string</c>, <c>date</c>, <c>integer</c>,
/// <c>boolean</c>, <c>enum</c>, <c>member</c> and <c>organization</c> (ids of registry rows),
/// <c>object</c> and <c>list</c>.
/// </summary>
public sealed record FactDefinition
{
    public required string Type { get; init; }
    /// <summary>What a form calls the field, in Chinese and English.</summary>
    public LocalizedText? Label { get; init; }
    public bool Required { get; init; }
    public IReadOnlyList<string> Values { get; init; } = [];
    public IReadOnlyDictionary<string, FactDefinition> Properties { get; init; } = new Dictionary<string, FactDefinition>();
    public FactDefinition? Items { get; init; }
    public int? MinItems { get; init; }
    public int? MaxItems { get; init; }
    public int? MaxLength { get; init; }
    /// <summary>Bounds of an integer; without them ±1,000,000, so that no count can overflow the rules' arithmetic.</summary>
    public int? Minimum { get; init; }
    public int? Maximum { get; init; }
    /// <summary>Personal data (citizen ID, phone): kept on the person's row only, never in history.</summary>
    public bool Personal { get; init; }
}
