using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Definitions;

namespace PartyWorkflow.Engine.Facts;

/// <summary>The registry ids an action's facts refer to, by field, so the caller can load them in one query each.</summary>
public static class FactReferences
{
    public sealed record Reference(string Field, string Type, Guid Id);

    public static List<Reference> Collect(IReadOnlyDictionary<string, FactDefinition> definitions, JsonObject facts)
    {
        var found = new List<Reference>();
        Walk(definitions, facts, "", found);
        return found;
    }

    private static void Walk(IReadOnlyDictionary<string, FactDefinition> definitions, JsonObject facts, string prefix, List<Reference> found)
    {
        foreach (var (name, definition) in definitions)
            Visit(definition, facts[name], prefix + name, found);
    }

    private static void Visit(FactDefinition definition, JsonNode? node, string field, List<Reference> found)
    {
        switch (definition.Type, node)
        {
            case ("member" or "organization" or "unit", JsonValue v) when v.TryGetValue<string>(out var s) && Guid.TryParse(s, out var id):
                found.Add(new Reference(field, definition.Type, id));
                break;
            case ("object", JsonObject obj):
                Walk(definition.Properties, obj, field + ".", found);
                break;
            case ("list", JsonArray array) when definition.Items is { } items:
                for (var i = 0; i < array.Count; i++) Visit(items, array[i], $"{field}[{i}]", found);
                break;
        }
    }
}
