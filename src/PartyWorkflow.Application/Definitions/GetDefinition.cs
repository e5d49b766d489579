using System.Text.Json;
using System.Text.Json.Nodes;
using Mediator;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Engine.Definitions;

namespace PartyWorkflow.Application.Definitions;

/// <summary>A definition version as its file states it: stages, steps with their Chinese and English names, facts, rules, deadlines.</summary>
public sealed record GetDefinition(string DefinitionId, int Version) : IQuery<JsonObject>;

public sealed class GetDefinitionHandler(WorkflowCatalog catalog) : IQueryHandler<GetDefinition, JsonObject>
{
    public ValueTask<JsonObject> Handle(GetDefinition query, CancellationToken ct)
    {
        var definition = catalog.Definition(query.DefinitionId, query.Version)
                         ?? throw new NotFoundException("definition", $"{query.DefinitionId} v{query.Version}");
        // The definition's own format (kebab-case severities), as the files and their schema have it.
        var node = JsonSerializer.SerializeToNode(definition, DefinitionJson.Options)!.AsObject();
        node.Remove("$schema");
        return ValueTask.FromResult(node);
    }
}
