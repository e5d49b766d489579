using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using PartyWorkflow.Engine.Definitions;

namespace PartyWorkflow.Engine.Facts;

/// <summary>
/// Checks an action's facts against the JSON Schema generated from the step (<see cref="ActionSchema"/>),
/// with JsonSchema.Net: the 400 class of errors (missing, wrong type, unknown field), reported per
/// field with its JSON name (<c>person.name</c>, <c>contactIds[1]</c>) and a message that says what
/// the field must be. A null property counts as absent.
/// </summary>
public static class FactValidator
{
    private static readonly ConditionalWeakTable<StepDefinition, JsonSchema> Schemas = new();
    // A valid body is the common case: the flag output only says valid or not, without collecting
    // details for every node; the list output, to name each field, is built only for invalid ones.
    private static readonly EvaluationOptions Flag = new() { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true };
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    public static JsonSchema SchemaOf(StepDefinition step) => Schemas.GetValue(step, s =>
        JsonSchema.FromText(WithoutExtensions(ActionSchema.ForFacts(s)).ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    /// <summary>The <c>x-</c> annotations are for forms and documents; JsonSchema.Net's dialect refuses unknown keywords.</summary>
    private static JsonNode WithoutExtensions(JsonNode node)
    {
        if (node is JsonObject obj)
            foreach (var (key, value) in obj.ToList())
                if (key.StartsWith("x-", StringComparison.Ordinal)) obj.Remove(key);
                else if (value is not null && key != "enum" && key != "required") WithoutExtensions(value);
        return node;
    }

    public static Dictionary<string, string[]> Validate(StepDefinition step, JsonObject facts)
    {
        RemoveNulls(facts);
        var element = JsonSerializer.SerializeToElement(facts);
        if (SchemaOf(step).Evaluate(element, Flag).IsValid)
        {
            WholeNumbers(step.Facts, facts);
            return [];
        }
        var result = SchemaOf(step).Evaluate(element, Options);
        var errors = new Dictionary<string, List<string>>();
        foreach (var detail in (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }))
            Describe(step.Facts, facts, Segments(detail.InstanceLocation.ToString()), detail.Errors!.Keys.ToHashSet(), errors);
        return errors.ToDictionary(e => e.Key, e => e.Value.Distinct().ToArray());
    }

    /// <summary>Finds the fact a failing location is about and says what it must be.</summary>
    private static void Describe(IReadOnlyDictionary<string, FactDefinition> definitions, JsonObject facts, string[] segments, HashSet<string> keywords, Dictionary<string, List<string>> errors)
    {
        FactDefinition? definition = null;
        IReadOnlyDictionary<string, FactDefinition> properties = definitions;
        JsonNode? node = facts;
        var field = "";
        foreach (var segment in segments)
        {
            if (definition is { Type: "list" })
            {
                field += $"[{segment}]";
                definition = definition.Items;
                node = node is JsonArray array && int.TryParse(segment, out var i) && i < array.Count ? array[i] : null;
                continue;
            }
            properties = definition?.Properties ?? properties;
            if (!properties.TryGetValue(segment, out definition))
            {
                Add(errors, Join(field, segment), $"unknown field; expected one of: {string.Join(", ", properties.Keys)}");
                return;
            }
            field = Join(field, segment);
            node = (node as JsonObject)?[segment];
        }
        if (definition is null || definition.Type == "object")
        {
            var members = definition?.Properties ?? definitions;
            if (node is not JsonObject obj) { Add(errors, field, "must be an object"); return; }
            if (keywords.Contains("required"))
                foreach (var (name, _) in members.Where(m => m.Value.Required && obj[m.Key] is null))
                    Add(errors, Join(field, name), "is required");
            if (keywords.Contains("additionalProperties"))
                foreach (var (name, _) in obj.Where(p => !members.ContainsKey(p.Key)))
                    Add(errors, Join(field, name), $"unknown field; expected one of: {string.Join(", ", members.Keys)}");
            return;
        }
        Add(errors, field, Message(definition, node, keywords));
    }

    private static string Message(FactDefinition definition, JsonNode? node, HashSet<string> keywords)
    {
        if (node is null) return "must not be null";
        return definition.Type switch
        {
            "string" when keywords.SetEquals(["maxLength"]) => $"must be at most {definition.MaxLength} characters",
            "string" => "must be a non-empty string",
            "date" => "must be a date as yyyy-MM-dd",
            "integer" when node is JsonValue v && v.TryGetValue<int>(out _) && !keywords.Contains("type") =>
                $"must be between {definition.Minimum ?? -ActionSchema.IntegerLimit} and {definition.Maximum ?? ActionSchema.IntegerLimit}",
            "integer" => "must be a whole number",
            "boolean" => "must be true or false",
            "enum" => $"must be one of: {string.Join(", ", definition.Values)}",
            "member" or "organization" or "unit" => "must be an id (GUID)",
            "list" when keywords.Contains("type") => "must be a list",
            "list" when keywords.Contains("minItems") => $"must have at least {definition.MinItems} item(s)",
            "list" => $"must have at most {definition.MaxItems} item(s)",
            _ => "is not valid",
        };
    }

    /// <summary>A property sent as null is taken as not sent.</summary>
    private static void RemoveNulls(JsonObject facts)
    {
        foreach (var (name, node) in facts.ToList())
            switch (node)
            {
                case null: facts.Remove(name); break;
                case JsonObject inner: RemoveNulls(inner); break;
                case JsonArray array: foreach (var item in array.OfType<JsonObject>()) RemoveNulls(item); break;
            }
    }

    /// <summary>JSON Schema counts <c>3.0</c> as the integer 3; the rules read integers, so it becomes one.</summary>
    private static void WholeNumbers(IReadOnlyDictionary<string, FactDefinition> definitions, JsonObject facts)
    {
        foreach (var (name, definition) in definitions)
            switch (definition.Type, facts[name])
            {
                case ("integer", JsonValue v) when !v.TryGetValue<int>(out _) && v.TryGetValue<decimal>(out var d):
                    facts[name] = (int)d;
                    break;
                case ("object", JsonObject inner):
                    WholeNumbers(definition.Properties, inner);
                    break;
                case ("list", JsonArray array) when definition.Items is { } items:
                    for (var i = 0; i < array.Count; i++)
                        if (items.Type == "object" && array[i] is JsonObject item) WholeNumbers(items.Properties, item);
                        else if (items.Type == "integer" && array[i] is JsonValue n && !n.TryGetValue<int>(out _) && n.TryGetValue<decimal>(out var m)) array[i] = (int)m;
                    break;
            }
    }

    private static string[] Segments(string pointer) =>
        pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Replace("~1", "/").Replace("~0", "~")).ToArray();

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(message);
    }
}
