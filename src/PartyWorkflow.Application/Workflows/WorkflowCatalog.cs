using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Rules;

namespace PartyWorkflow.Application.Workflows;

/// <summary>
/// Every definition version found under <c>workflows/</c>, compiled once at start-up. An instance
/// finds the exact version it started on; new instances start on the latest published one.
/// </summary>
public sealed class WorkflowCatalog
{
    public const string SchemaFile = "schema/workflow-definition.schema.json";

    private readonly Dictionary<(string Id, int Version), CompiledWorkflow> workflows;

    public WorkflowCatalog(IEnumerable<WorkflowDefinition> definitions) =>
        workflows = definitions.ToDictionary(d => (d.DefinitionId, d.Version), d => new CompiledWorkflow(d));

    public IEnumerable<WorkflowDefinition> Definitions =>
        workflows.Values.Select(w => w.Definition).OrderBy(d => d.DefinitionId).ThenBy(d => d.Version);

    public CompiledWorkflow? Find(string definitionId, int version) => workflows.GetValueOrDefault((definitionId, version));

    public CompiledWorkflow? LatestPublished(string definitionId) => workflows.Values
        .Where(w => w.Definition.DefinitionId == definitionId && w.Definition.IsPublished)
        .MaxBy(w => w.Definition.Version);

    /// <summary>Reads and checks every <c>*.json</c> directly in <paramref name="directory"/>; all errors at once.</summary>
    public static (WorkflowCatalog? Catalog, IReadOnlyList<DefinitionError> Errors) Load(string directory, RuleCatalog rules)
    {
        var schemaPath = Path.Combine(directory, SchemaFile);
        if (!Directory.Exists(directory))
            return (null, [new DefinitionError(directory, "$", "the workflows folder does not exist")]);
        if (!File.Exists(schemaPath))
            return (null, [new DefinitionError(schemaPath, "$", "the definition schema is missing")]);

        var parser = DefinitionParser.FromSchemaText(File.ReadAllText(schemaPath), rules);
        var errors = new List<DefinitionError>();
        var definitions = new List<WorkflowDefinition>();
        foreach (var file in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var (definition, fileErrors) = parser.Parse(Path.GetFileName(file), File.ReadAllText(file));
            errors.AddRange(fileErrors);
            if (definition is null) continue;
            if (definitions.Any(d => d.DefinitionId == definition.DefinitionId && d.Version == definition.Version))
                errors.Add(new DefinitionError(Path.GetFileName(file), "$.version", $"{definition.DefinitionId} version {definition.Version} is defined twice"));
            else definitions.Add(definition);
        }
        if (errors.Count == 0 && definitions.Count == 0)
            errors.Add(new DefinitionError(directory, "$", "no workflow definitions found"));
        return errors.Count > 0 ? (null, errors) : (new WorkflowCatalog(definitions), []);
    }
}
