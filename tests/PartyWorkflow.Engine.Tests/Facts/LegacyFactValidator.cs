using System.Text.Json;
using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Facts;
using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Tests.Facts;

/// <summary>The hand-written validator the JSON Schema one replaced, kept to show that both answer alike.
/// 
/// Checks an action's facts against the step's fact definitions: the 400 class of errors
/// (missing, wrong type, unknown field), reported per field with its JSON name.
/// </summary>
public static class LegacyFactValidator
{
    private const int IntegerLimit = 1_000_000;

    public static Dictionary<string, string[]> Validate(IReadOnlyDictionary<string, FactDefinition> definitions, JsonObject facts)
    {
        var errors = new Dictionary<string, List<string>>();
        ValidateObject(definitions, facts, "", errors);
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private static void ValidateObject(IReadOnlyDictionary<string, FactDefinition> definitions, JsonObject facts, string prefix, Dictionary<string, List<string>> errors)
    {
        foreach (var (name, node) in facts)
            if (!definitions.ContainsKey(name))
                Add(errors, prefix + name, $"unknown field; expected one of: {string.Join(", ", definitions.Keys)}");

        foreach (var (name, definition) in definitions)
        {
            var node = facts[name];
            if (node is null)
            {
                if (definition.Required) Add(errors, prefix + name, "is required");
                continue;
            }
            ValidateValue(definition, node, prefix + name, errors);
        }
    }

    private static void ValidateValue(FactDefinition definition, JsonNode node, string field, Dictionary<string, List<string>> errors)
    {
        switch (definition.Type)
        {
            case "string":
                if (!IsString(node, out var text) || string.IsNullOrWhiteSpace(text)) Add(errors, field, "must be a non-empty string");
                else if (definition.MaxLength is { } max && text.Length > max) Add(errors, field, $"must be at most {max} characters");
                break;
            case "date":
                if (!IsString(node, out var date) || !FactReader.TryParseDate(date, out _)) Add(errors, field, "must be a date as yyyy-MM-dd");
                break;
            case "integer":
                var (lowest, highest) = (definition.Minimum ?? -IntegerLimit, definition.Maximum ?? IntegerLimit);
                if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || !v.TryGetValue<int>(out var number)) Add(errors, field, "must be a whole number");
                else if (number < lowest || number > highest) Add(errors, field, $"must be between {lowest} and {highest}");
                break;
            case "boolean":
                if (node.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)) Add(errors, field, "must be true or false");
                break;
            case "enum":
                if (!IsString(node, out var choice) || !definition.Values.Contains(choice)) Add(errors, field, $"must be one of: {string.Join(", ", definition.Values)}");
                break;
            case "member" or "organization":
                if (!IsString(node, out var id) || !Guid.TryParse(id, out _)) Add(errors, field, "must be an id (GUID)");
                break;
            case "object":
                if (node is JsonObject obj) ValidateObject(definition.Properties, obj, field + ".", errors);
                else Add(errors, field, "must be an object");
                break;
            case "list":
                if (node is not JsonArray array) { Add(errors, field, "must be a list"); break; }
                if (definition.MinItems is { } min && array.Count < min) Add(errors, field, $"must have at least {min} item(s)");
                if (definition.MaxItems is { } maxItems && array.Count > maxItems) Add(errors, field, $"must have at most {maxItems} item(s)");
                for (var i = 0; i < array.Count; i++)
                    if (array[i] is { } item && definition.Items is { } items) ValidateValue(items, item, $"{field}[{i}]", errors);
                    else Add(errors, $"{field}[{i}]", "must not be null");
                break;
        }
    }

    private static bool IsString(JsonNode node, out string value)
    {
        value = "";
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.TryGetValue(out value!);
    }

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(message);
    }
}
