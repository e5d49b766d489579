using System.Text.Json;
using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Rules;

namespace PartyWorkflow.Engine.Definitions;

/// <summary>Holds one rule reference against its rule's contract: parameter names, types and bounds, the steps, checklists and facts they name.</summary>
public static class RuleContractCheck
{
    /// <summary>The problems of a rule's parameters alone, as a definition would give them (no step or checklist to refer to).</summary>
    public static IEnumerable<string> ParameterProblems(IRule rule, JsonObject parameters) =>
        Check(rule, new RuleReference { Id = rule.Id, Severity = RuleSeverity.Refuse, Parameters = parameters }, null, null)
            .Select(p => p.Message).Concat(rule.CheckParameters(parameters));

    internal static IEnumerable<(string Path, string Message)> Check(IRule rule, RuleReference reference, WorkflowDefinition? definition, StepDefinition? step)
    {
        var contract = rule.Contract;
        foreach (var (name, value) in reference.Parameters)
        {
            if (contract.Parameter(name) is not { } parameter)
            {
                var known = contract.Parameters.Count == 0 ? "it takes none" : "known: " + string.Join(", ", contract.Parameters.Select(p => p.Name));
                yield return ($"parameters.{name}", $"'{rule.Id}' has no parameter '{name}'; {known}");
                continue;
            }
            if (Problem(parameter, value, definition, step) is { } problem) yield return ($"parameters.{name}", problem);
        }
        foreach (var parameter in contract.Parameters.Where(p => p.Default is null && reference.Parameters[p.Name] is null))
            yield return ("parameters", $"'{rule.Id}' needs the parameter '{parameter.Name}'");
        if (step is null) yield break;
        foreach (var fact in contract.Facts.Where(f => !f.Optional))
            if (fact.Resolve(contract, reference.Parameters) is { } name && !step.Facts.ContainsKey(name))
                yield return ("id", $"'{rule.Id}' reads the fact '{name}', which the step '{step.Id}' does not declare");
    }

    private static string? Problem(RuleParameter parameter, JsonNode? value, WorkflowDefinition? definition, StepDefinition? step)
    {
        if (parameter.Type == ParameterType.Integer)
        {
            if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || !v.TryGetValue<int>(out var n)) return "must be a whole number";
            if (n < (parameter.Minimum ?? int.MinValue)) return $"must be at least {parameter.Minimum}";
            if (n > (parameter.Maximum ?? int.MaxValue)) return $"must be at most {parameter.Maximum}";
            return null;
        }
        if (value is not JsonValue t || t.GetValueKind() != JsonValueKind.String || !t.TryGetValue<string>(out var text) || text.Length == 0)
            return "must be a non-empty string";
        return parameter.Type switch
        {
            ParameterType.Step when definition is not null && !definition.Steps.Concat(definition.SideActions).Any(s => s.Id == text) => $"'{text}' is not a step of the definition",
            ParameterType.Checklist when definition is not null && definition.Materials.All(m => m.Id != text) => $"'{text}' is not a materials checklist of the definition",
            ParameterType.Fact when step is not null && !step.Facts.ContainsKey(text) => $"'{text}' is not a fact of the step '{step.Id}'",
            _ => null,
        };
    }
}
