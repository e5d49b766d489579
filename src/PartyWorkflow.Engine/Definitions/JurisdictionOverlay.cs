using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PartyWorkflow.Engine.Definitions;

/// <summary>
/// A jurisdiction's local rules (<c>workflows/jurisdictions/*.json</c>): it switches rules of a
/// definition on or off and sets their parameters, without code. An instance keeps the overlay
/// version it started with.
/// </summary>
public sealed record JurisdictionOverlay
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }
    public required string JurisdictionId { get; init; }
    public required int Version { get; init; }
    public required LocalizedText Name { get; init; }
    public required string DefinitionId { get; init; }
    public IReadOnlyList<RuleOverride> Rules { get; init; } = [];
}

/// <summary>One rule of one step (or of the whole workflow when <see cref="Step"/> is absent).</summary>
public sealed record RuleOverride
{
    public string? Step { get; init; }
    public required string Id { get; init; }
    public bool? Enabled { get; init; }
    public JsonObject? Parameters { get; init; }
}
