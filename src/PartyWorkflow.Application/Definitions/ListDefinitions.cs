using Mediator;
using PartyWorkflow.Application.Instances;
using PartyWorkflow.Application.Workflows;

namespace PartyWorkflow.Application.Definitions;

public sealed record ListDefinitions : IQuery<IReadOnlyList<DefinitionSummary>>;

public sealed record DefinitionSummary(string DefinitionId, int Version, bool IsPublished, LocalizedMessage Name, int Stages, int Steps, IReadOnlyList<string> SideActions);

public sealed class ListDefinitionsHandler(WorkflowCatalog catalog) : IQueryHandler<ListDefinitions, IReadOnlyList<DefinitionSummary>>
{
    public ValueTask<IReadOnlyList<DefinitionSummary>> Handle(ListDefinitions query, CancellationToken ct) =>
        ValueTask.FromResult<IReadOnlyList<DefinitionSummary>>(catalog.Definitions.Select(d => new DefinitionSummary(
            d.DefinitionId, d.Version, d.IsPublished, new LocalizedMessage(d.Name.Zh, d.Name.En),
            d.Stages.Count, d.Steps.Count(), d.SideActions.Select(a => a.Id).ToList())).ToList());
}
