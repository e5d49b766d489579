using System.Text.Json.Nodes;

namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// What a rule takes and reads, declared once: its typed parameters with their defaults (the only
/// defaults there are), the facts of the action it reads, and the fields a refusal concerns. The
/// definition checker holds every reference to a rule against it, so a misspelt parameter or a
/// step that does not exist stops start-up instead of being ignored.
/// </summary>
public sealed record RuleContract
{
    public static readonly RuleContract None = new();

    public IReadOnlyList<RuleParameter> Parameters { get; init; } = [];
    /// <summary>Facts of the action the rule reads; the step must declare each of them.</summary>
    public IReadOnlyList<RuleFact> Facts { get; init; } = [];
    /// <summary>The fact fields a refusal is about (<c>unmetRules[].fields</c>), so a form can show the message beside them.</summary>
    public IReadOnlyList<RuleFact> Fields { get; init; } = [];

    public RuleParameter? Parameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);
}

/// <summary>
/// <see cref="Integer"/> and <see cref="Text"/> are plain values; <see cref="Step"/> names a step of the
/// definition; <see cref="Fact"/> names a fact of the step the rule is on; <see cref="Checklist"/> names
/// one of the definition's materials checklists; <see cref="Field"/> names a field of a stored step's facts.
/// </summary>
public enum ParameterType { Integer, Text, Step, Fact, Checklist, Field }

public sealed record RuleParameter(string Name, ParameterType Type, JsonNode? Default = null, int? Minimum = null, int? Maximum = null)
{
    public static RuleParameter Integer(string name, int @default, int minimum = 0, int? maximum = null) =>
        new(name, ParameterType.Integer, JsonValue.Create(@default), minimum, maximum);

    public static RuleParameter Step(string name, string @default) => new(name, ParameterType.Step, JsonValue.Create(@default));

    public static RuleParameter Fact(string name, string @default) => new(name, ParameterType.Fact, JsonValue.Create(@default));

    public static RuleParameter Field(string name, string @default) => new(name, ParameterType.Field, JsonValue.Create(@default));

    public static RuleParameter Text(string name, string? @default = null) => new(name, ParameterType.Text, @default is null ? null : JsonValue.Create(@default));

    /// <summary>A required checklist id (no default).</summary>
    public static RuleParameter Checklist(string name) => new(name, ParameterType.Checklist);
}

/// <summary>
/// A fact a rule reads: by its name (<c>contactIds</c>), or named by one of the rule's parameters
/// (<see cref="FromParameter"/>: <c>organization-is-a-branch</c> reads the fact its <c>field</c> parameter names).
/// An optional fact is read when present; the step need not declare it.
/// </summary>
public sealed record RuleFact(string Name, bool FromParameter = false, bool Optional = false)
{
    /// <summary>The step's date fact, whatever it is called (<c>applicationDate</c>, <c>date</c>): for rules about when an action takes place.</summary>
    public static readonly RuleFact ActionDate = new("", Optional: true) { IsActionDate = true };

    public bool IsActionDate { get; private init; }

    public static RuleFact Named(string name, bool optional = false) => new(name, false, optional);

    public static RuleFact Parameter(string parameter, bool optional = false) => new(parameter, true, optional);

    /// <summary>The fact's name, given the parameters of a rule reference (and the contract's defaults).</summary>
    public string? Resolve(RuleContract contract, JsonObject parameters, string? dateFact = null)
    {
        if (IsActionDate) return dateFact;
        if (!FromParameter) return Name;
        var node = parameters[Name] ?? contract.Parameter(Name)?.Default;
        return node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
    }
}
