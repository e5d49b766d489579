using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Instances;

/// <summary>Takes one step (or side action) on an instance: load, decide, write, all in one transaction.</summary>
/// <remarks>
/// <see cref="IfMatchVersion"/> is left out of the idempotency hash: a retry that no longer sends the
/// If-Match it first sent is the same request, and gets the first answer.
/// </remarks>
public sealed record PerformAction(Guid InstanceId, string ActionId, ActionBody Body, string? IdempotencyKey,
    [property: System.Text.Json.Serialization.JsonIgnore] int? IfMatchVersion)
    : ICommand<ActionResponse>, IIdempotent
{
    public string IdempotencyScope => $"POST /api/instances/{InstanceId}/actions";
}

public sealed class PerformActionHandler(
    PartyWorkflowDbContext db, WorkflowCatalog catalog, WorkflowEngine engine, RegistryLoader registry,
    ActionRecorder recorder, Clock clock)
    : ICommandHandler<PerformAction, ActionResponse>
{
    public async ValueTask<ActionResponse> Handle(PerformAction command, CancellationToken ct)
    {
        var row = await db.Instances.FirstOrDefaultAsync(i => i.Id == command.InstanceId, ct)
                  ?? throw new NotFoundException("instance", command.InstanceId.ToString());
        if (command.IfMatchVersion is { } expected && expected != row.Version)
            throw new PreconditionFailedException(expected, row.Version);
        var workflow = catalog.Find(row.DefinitionId, row.DefinitionVersion, row.JurisdictionId, row.OverlayVersion)
                       ?? throw new NotFoundException("definition", $"{row.DefinitionId} v{row.DefinitionVersion}");
        if (!workflow.TryGetAction(command.ActionId, out var step)) throw new NotFoundException("action", command.ActionId);

        var before = InstanceMapping.ToSnapshot(row);
        var request = new ActionRequest
        {
            ActionId = step.Id,
            Facts = command.Body.Facts,
            ActorId = command.Body.ActorId,
            ActorRole = command.Body.ActorRole,
            Today = clock.Today,
        };
        // Refused for its state or its shape: answered before any registry read.
        WorkflowEngine.Precheck(workflow, before, request)?.Accept();
        request = request with { Registry = await registry.LoadAsync(step, command.Body.Facts, command.Body.ActorId, null, ct) };
        var accepted = engine.Decide(workflow, before, request, prechecked: true).Accept();

        await recorder.RecordAsync(workflow, row, before, accepted, command.Body.ActorId, command.Body.Facts, isNew: false, ct);
        var response = InstanceViewBuilder.Response(row, accepted);
        await db.SaveChangesAsync(ct);
        return response;
    }
}
