using System.Text.Json;
using PartyWorkflow.Engine.Rules;

namespace PartyWorkflow.Engine.Definitions;

/// <summary>
/// Turns definition text into a checked <see cref="WorkflowDefinition"/>: first the JSON Schema
/// kept beside the definitions, then what a schema cannot say (ids that must exist, rules that
/// must be implemented). Pure: the caller reads the files.
/// </summary>
public sealed class DefinitionParser(SchemaCheck schema, RuleCatalog rules, IReadOnlySet<string>? effects = null)
{
    public static DefinitionParser FromSchemaText(string schemaText, RuleCatalog rules, IReadOnlySet<string>? effects = null) => new(SchemaCheck.FromText(schemaText), rules, effects);

    public (WorkflowDefinition? Definition, IReadOnlyList<DefinitionError> Errors) Parse(string file, string text)
    {
        var (root, errors) = schema.Read(file, text);
        if (root is null) return (null, errors);

        WorkflowDefinition definition;
        try
        {
            definition = root.Value.Deserialize<WorkflowDefinition>(DefinitionJson.Options)!;
        }
        catch (JsonException ex)
        {
            return (null, [new DefinitionError(file, ex.Path ?? "$", ex.Message)]);
        }

        var semantic = new DefinitionChecker(file, rules, effects).Check(definition);
        return semantic.Count == 0 ? (definition, []) : (null, semantic);
    }
}
