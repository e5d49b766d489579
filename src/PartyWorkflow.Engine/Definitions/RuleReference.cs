using System.Text.Json.Nodes;

namespace PartyWorkflow.Engine.Definitions;

public enum RuleSeverity { Refuse, Warn, Compute, Decides }

/// <summary>A rule id with its severity and parameters, as a step of a definition names it.</summary>
public sealed record RuleReference
{
    public required string Id { get; init; }
    public required RuleSeverity Severity { get; init; }
    /// <summary><c>national</c> or <c>local</c>; local rules are off unless a jurisdiction overlay switches them on.</summary>
    public string Tag { get; init; } = "national";
    public bool Enabled { get; init; } = true;
    public JsonObject Parameters { get; init; } = [];
    /// <summary>Only evaluated when this holds (for example a computed date recorded on approval only).</summary>
    public Condition? When { get; init; }
}
