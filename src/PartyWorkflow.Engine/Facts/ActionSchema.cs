using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Definitions;

namespace PartyWorkflow.Engine.Facts;

/// <summary>
/// The JSON Schema (2020-12) of an action's body, generated from the step's facts: what the server
/// validates, what the OpenAPI document publishes and what a form is generated from. Fields that
/// refer to a registry row say so with <c>x-reference</c> (<c>member</c> or <c>organization</c>);
/// <c>x-label</c> holds the Chinese and English names.
/// </summary>
public static class ActionSchema
{
    public const int IntegerLimit = 1_000_000;
    public const string DatePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

    /// <summary>The body as a client sends it: the step's facts (who acts is the signed-in user, never a field).</summary>
    public static JsonObject ForBody(StepDefinition step) => ForFacts(step);

    /// <summary>The step's facts alone, as the engine validates them.</summary>
    public static JsonObject ForFacts(StepDefinition step)
    {
        var schema = Object(step.Facts);
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        schema["title"] = $"{step.Name.Zh} / {step.Name.En}";
        schema["x-action"] = step.Id;
        return schema;
    }

    private static JsonObject Object(IReadOnlyDictionary<string, FactDefinition> facts)
    {
        var properties = new JsonObject();
        foreach (var (name, fact) in facts) properties[name] = For(fact);
        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray(facts.Where(f => f.Value.Required).Select(f => (JsonNode)f.Key).ToArray()),
            ["additionalProperties"] = false,
        };
    }

    private static JsonObject For(FactDefinition fact)
    {
        var schema = fact.Type switch
        {
            "string" => new JsonObject { ["type"] = "string", ["minLength"] = 1, ["pattern"] = "\\S", ["maxLength"] = fact.MaxLength },
            "date" => new JsonObject { ["type"] = "string", ["format"] = "date", ["pattern"] = DatePattern },
            "integer" => new JsonObject { ["type"] = "integer", ["minimum"] = fact.Minimum ?? -IntegerLimit, ["maximum"] = fact.Maximum ?? IntegerLimit },
            "boolean" => new JsonObject { ["type"] = "boolean" },
            "enum" => new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(fact.Values.Select(v => (JsonNode)v).ToArray()) },
            "member" or "organization" or "unit" => Reference(fact.Type, null),
            "object" => Object(fact.Properties),
            "list" => new JsonObject
            {
                ["type"] = "array", ["items"] = fact.Items is null ? new JsonObject() : For(fact.Items),
                ["minItems"] = fact.MinItems, ["maxItems"] = fact.MaxItems,
            },
            _ => throw new InvalidOperationException($"unknown fact type '{fact.Type}'"),
        };
        foreach (var (key, value) in schema.ToList())
            if (value is null) schema.Remove(key);
        if (fact.Label is { } label)
        {
            schema["title"] = label.Zh;
            schema["x-label"] = Label(label);
        }
        return schema;
    }

    private static JsonObject Reference(string type, LocalizedText? label)
    {
        var schema = new JsonObject { ["type"] = "string", ["format"] = "uuid", ["x-reference"] = type };
        if (label is not null)
        {
            schema["title"] = label.Zh;
            schema["x-label"] = Label(label);
        }
        return schema;
    }

    private static JsonObject Label(LocalizedText text) => new() { ["zh"] = text.Zh, ["en"] = text.En };
}
