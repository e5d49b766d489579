using Mediator;
using PartyWorkflow.Application.Definitions;

namespace PartyWorkflow.Server.Endpoints;

public static class DefinitionEndpoints
{
    public static void MapDefinitionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/definitions", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListDefinitions(), ct)))
            .WithTags("Definitions").WithSummary("Every loaded definition version");

        app.MapGet("/api/definitions/{definitionId}/{version:int}", async (string definitionId, int version, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetDefinition(definitionId, version), ct)))
            .WithTags("Definitions").WithSummary("A definition version: stages, steps and their names, facts, rules, deadlines");

        app.MapGet("/api/definitions/{definitionId}/{version:int}/diagram", async (string definitionId, int version, IMediator mediator, CancellationToken ct) =>
                TypedResults.Text(await mediator.Send(new GetDiagram(definitionId, version), ct), "text/plain; charset=utf-8"))
            .WithTags("Definitions").WithSummary("The state diagram of a definition version, as Mermaid text");
    }
}
