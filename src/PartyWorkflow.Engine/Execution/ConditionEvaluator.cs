using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Definitions;

namespace PartyWorkflow.Engine.Execution;

/// <summary>Evaluates the conditions of outcomes and rules over facts and deciding rules.</summary>
public static class ConditionEvaluator
{
    public static bool Holds(Condition condition, JsonObject facts, InstanceSnapshot instance, IReadOnlyDictionary<string, RuleMessage?> decided)
    {
        if (condition.All is { } all && !all.All(c => Holds(c, facts, instance, decided))) return false;
        if (condition.Fact is { } fact && FactReader.Text(facts, fact) != condition.EqualTo) return false;
        if (condition.StoredFact is { } stored)
        {
            var dot = stored.IndexOf('.');
            if (FactReader.Text(instance.StepFacts(stored[..dot]), stored[(dot + 1)..]) != condition.EqualTo) return false;
        }
        if (condition.Rule is { } rule)
        {
            var met = decided.TryGetValue(rule, out var message) && message is null;
            if (met != (condition.Met ?? true)) return false;
        }
        return true;
    }
}
