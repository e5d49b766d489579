using System.Text.Json.Nodes;

namespace PartyWorkflow.Engine.Rules;

/// <summary>For the checks of <see cref="IRule.CheckParameters"/> that a contract cannot express (one bound below another).</summary>
internal static class ParameterChecks
{
    /// <summary>A whole-number parameter as a definition gives it, else its contract default.</summary>
    public static int? Value(JsonObject parameters, string name, RuleContract contract) =>
        (parameters[name] ?? contract.Parameter(name)?.Default) is JsonValue v && v.TryGetValue<int>(out var n) ? n : null;
}
