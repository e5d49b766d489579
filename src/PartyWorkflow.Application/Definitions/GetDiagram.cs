using Mediator;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Workflows;

namespace PartyWorkflow.Application.Definitions;

/// <summary>The Mermaid state diagram Stateless draws from the compiled definition.</summary>
public sealed record GetDiagram(string DefinitionId, int Version) : IQuery<string>;

public sealed class GetDiagramHandler(WorkflowCatalog catalog) : IQueryHandler<GetDiagram, string>
{
    public ValueTask<string> Handle(GetDiagram query, CancellationToken ct) =>
        ValueTask.FromResult((catalog.Find(query.DefinitionId, query.Version)
                              ?? throw new NotFoundException("definition", $"{query.DefinitionId} v{query.Version}")).MermaidDiagram());
}
