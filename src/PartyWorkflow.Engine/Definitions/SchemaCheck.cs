using System.Text.Json;
using Json.Schema;

namespace PartyWorkflow.Engine.Definitions;

/// <summary>Reads JSON text and checks it against a JSON Schema, reporting problems by file and JSON path.</summary>
public sealed class SchemaCheck(JsonSchema schema)
{
    /// <summary>A schema with a registry of its own: the global one refuses a second schema with the same $id.</summary>
    public static SchemaCheck FromText(string schemaText) =>
        new(JsonSchema.FromText(schemaText, new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    /// <summary>The document's root when it is valid JSON that matches the schema; otherwise every problem found.</summary>
    public (JsonElement? Root, List<DefinitionError> Errors) Read(string file, string text)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return (null, [new DefinitionError(file, $"$ (line {ex.LineNumber + 1})", "not valid JSON: " + ex.Message)]);
        }

        var result = schema.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return (root, []);
        var errors = (result.Details ?? [])
            // A failing "if" only selects a branch; it is not an error of the document.
            .Where(d => d.Errors is { Count: > 0 } && !d.EvaluationPath.ToString().Contains("/if"))
            .SelectMany(d => d.Errors!.Select(e => new DefinitionError(file, ToJsonPath(d.InstanceLocation.ToString()), e.Value)))
            .Distinct()
            .ToList();
        if (errors.Count == 0) errors.Add(new DefinitionError(file, "$", "does not match its schema"));
        return (null, errors);
    }

    /// <summary>JSON Pointer (<c>/stages/0/steps/1</c>) to JSON path (<c>$.stages[0].steps[1]</c>).</summary>
    public static string ToJsonPath(string pointer)
    {
        if (string.IsNullOrEmpty(pointer) || pointer == "#" || pointer == "/") return "$";
        var path = "$";
        foreach (var segment in pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/").Replace("~0", "~");
            path += int.TryParse(name, out _) ? $"[{name}]" : $".{name}";
        }
        return path;
    }
}
