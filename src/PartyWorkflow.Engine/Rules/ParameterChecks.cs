using System.Text.Json.Nodes;

namespace PartyWorkflow.Engine.Rules;

/// <summary>Checks of the numeric parameters rules share, for <see cref="IRule.CheckParameters"/>.</summary>
internal static class ParameterChecks
{
    /// <summary>The parameter, when given, is a whole number of at least <paramref name="minimum"/>.</summary>
    public static IEnumerable<string> WholeNumber(JsonObject parameters, string name, int minimum)
    {
        if (parameters[name] is { } node && (node is not JsonValue v || !v.TryGetValue<int>(out var n) || n < minimum))
            yield return $"{name} must be a whole number of at least {minimum}";
    }

    /// <summary>The value of a parameter that is a whole number, else null.</summary>
    public static int? Value(JsonObject parameters, string name) =>
        parameters[name] is JsonValue v && v.TryGetValue<int>(out var n) ? n : null;
}
