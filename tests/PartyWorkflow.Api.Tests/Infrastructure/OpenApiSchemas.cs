using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace PartyWorkflow.Api.Tests.Infrastructure;

/// <summary>The schemas of an OpenAPI 3.1 document, as JSON Schema 2020-12 that JsonSchema.Net evaluates.</summary>
public sealed class OpenApiSchemas
{
    private const string Base = "https://partyworkflow.test/openapi";
    private readonly SchemaRegistry registry = new();

    public JsonObject Document { get; }

    public OpenApiSchemas(JsonObject document)
    {
        Document = document;
        var defs = Rewrite(document["components"]!["schemas"]!.DeepClone());
        var root = new JsonObject { ["$schema"] = "https://json-schema.org/draft/2020-12/schema", ["$id"] = Base, ["$defs"] = defs };
        JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = registry });
    }

    /// <summary>Every problem of <paramref name="instance"/> against <paramref name="schema"/> (a schema object of the document, refs included).</summary>
    public IReadOnlyList<string> Problems(JsonNode schema, JsonNode? instance)
    {
        var wrapped = Rewrite(schema.DeepClone()).AsObject();
        wrapped["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        var built = JsonSchema.FromText(wrapped.ToJsonString(), new BuildOptions { SchemaRegistry = registry });
        var result = built.Evaluate(JsonSerializer.SerializeToElement(instance), new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid ? [] : (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).DefaultIfEmpty("invalid").ToList();
    }

    public JsonObject Operation(string method, string path) =>
        Document["paths"]![path]?[method] as JsonObject ?? throw new InvalidOperationException($"the document has no {method} {path}");

    /// <summary>Refs to components become refs into the registered <c>$defs</c>; <c>x-</c> annotations are dropped (JsonSchema.Net refuses unknown keywords).</summary>
    private static JsonNode Rewrite(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key.StartsWith("x-", StringComparison.Ordinal)) { obj.Remove(key); continue; }
                    if (key == "$ref" && value is JsonValue v && v.GetValue<string>() is var reference && reference.StartsWith("#/components/schemas/", StringComparison.Ordinal))
                        obj[key] = $"{Base}#/$defs/{reference["#/components/schemas/".Length..]}";
                    else if (value is not null && key is not ("enum" or "required" or "const" or "example" or "default")) Rewrite(value);
                }
                break;
            case JsonArray array:
                foreach (var item in array) if (item is not null) Rewrite(item);
                break;
        }
        return node;
    }
}
