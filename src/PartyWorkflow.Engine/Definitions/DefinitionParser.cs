using System.Text.Json;
using Json.Schema;
using PartyWorkflow.Engine.Rules;

namespace PartyWorkflow.Engine.Definitions;

/// <summary>
/// Turns definition text into a checked <see cref="WorkflowDefinition"/>: first the JSON Schema
/// kept beside the definitions, then what a schema cannot say (ids that must exist, rules that
/// must be implemented). Pure: the caller reads the files.
/// </summary>
public sealed class DefinitionParser(JsonSchema schema, RuleCatalog rules)
{
    public static DefinitionParser FromSchemaText(string schemaText, RuleCatalog rules) =>
        // A registry of its own: the global one refuses a second schema with the same $id.
        new(JsonSchema.FromText(schemaText, new BuildOptions { SchemaRegistry = new SchemaRegistry() }), rules);

    public (WorkflowDefinition? Definition, IReadOnlyList<DefinitionError> Errors) Parse(string file, string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            return (null, [new DefinitionError(file, $"$ (line {ex.LineNumber + 1})", "not valid JSON: " + ex.Message)]);
        }

        using (document)
        {
            var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (!result.IsValid)
            {
                var errors = (result.Details ?? [])
                    // A failing "if" only selects a branch; it is not an error of the document.
                    .Where(d => d.Errors is { Count: > 0 } && !d.EvaluationPath.ToString().Contains("/if"))
                    .SelectMany(d => d.Errors!.Select(e => new DefinitionError(file, ToJsonPath(d.InstanceLocation.ToString()), e.Value)))
                    .Distinct()
                    .ToList();
                if (errors.Count == 0) errors.Add(new DefinitionError(file, "$", "does not match the definition schema"));
                return (null, errors);
            }

            WorkflowDefinition definition;
            try
            {
                definition = document.RootElement.Deserialize<WorkflowDefinition>(DefinitionJson.Options)!;
            }
            catch (JsonException ex)
            {
                return (null, [new DefinitionError(file, ex.Path ?? "$", ex.Message)]);
            }

            var semantic = new DefinitionChecker(file, rules).Check(definition);
            return semantic.Count == 0 ? (definition, []) : (null, semantic);
        }
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
