using Mediator;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Subjects;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Instances;

/// <summary>Takes one step (or side action) on an instance: one read, a pure decision, one write, in one transaction.</summary>
/// <remarks>
/// <see cref="IfMatchVersion"/> is left out of the idempotency hash: a retry that no longer sends the
/// If-Match it first sent is the same request, and gets the first answer.
/// </remarks>
public sealed record PerformAction(Guid InstanceId, string ActionId, ActionBody Body, string? IdempotencyKey,
    [property: System.Text.Json.Serialization.JsonIgnore] int? IfMatchVersion, Access.Actor Actor)
    : ICommand<ActionResponse>, IIdempotent, IWritesOnce
{
    public string IdempotencyScope => $"POST /api/instances/{InstanceId}/actions";

    public bool HandlerReadsIdempotencyRecord => true;
}

public sealed class PerformActionHandler(
    PartyWorkflowDbContext db, WorkflowCatalog catalog, WorkflowEngine engine, RegistryLoader registry,
    ActionRecorder recorder, IdempotencyStore idempotency, Clock clock, SubjectKinds subjects, Effects.EffectHandlers effects)
    : ICommandHandler<PerformAction, ActionResponse>
{
    public async ValueTask<ActionResponse> Handle(PerformAction command, CancellationToken ct)
    {
        // (1) One read of everything the decision and the write need.
        var batch = new ReadBatch(db);
        var id = batch.Parameter(command.InstanceId);
        var instances = batch.Where<WorkflowInstance>($"{batch.Column<WorkflowInstance>(nameof(WorkflowInstance.Id))} = {id}");
        var deadlines = batch.Where<Deadline>($"{batch.Column<Deadline>(nameof(Deadline.InstanceId))} = {id} AND {batch.Column<Deadline>(nameof(Deadline.IsOpen))} = {batch.Parameter(true)}");
        var locks = batch.Where<SubjectLock>($"{batch.Column<SubjectLock>(nameof(SubjectLock.InstanceId))} = {id}");
        var earlier = idempotency.AddTo(batch);
        // The instance's subject too: effects (set-membership) change it, and find it tracked.
        var subjectSql = $"SELECT {batch.Column<WorkflowInstance>(nameof(WorkflowInstance.SubjectId))} FROM {batch.Table<WorkflowInstance>()} WHERE {batch.Column<WorkflowInstance>(nameof(WorkflowInstance.Id))} = {id}";
        var actorId = command.Actor.PersonId ?? Guid.Empty;
        var prefetched = RegistryLoader.Prefetch(batch, command.Body.Facts, actorId, subjectSql, UnitReads(batch, id));
        // The filing organization and those above it, for the role check.
        var line = Registry.JurisdictionResolver.AddChain(batch,
            $"SELECT {batch.Column<WorkflowInstance>(nameof(WorkflowInstance.OrganizationId))} FROM {batch.Table<WorkflowInstance>()} WHERE {batch.Column<WorkflowInstance>(nameof(WorkflowInstance.Id))} = {id}");
        subjects.PrefetchForAction(batch, subjectSql);
        if (catalog.EffectsByAction.TryGetValue(command.ActionId, out var actionEffects)) effects.Prefetch(batch, actionEffects, id, subjectSql);
        await batch.ExecuteAsync(ct);

        if (idempotency.TryReplay(earlier, out ActionResponse replay)) return replay;
        var row = instances.Items.SingleOrDefault() ?? throw new NotFoundException("instance", command.InstanceId.ToString());
        if (command.IfMatchVersion is { } expected && expected != row.Version)
            throw new PreconditionFailedException(expected, row.Version);
        var workflow = catalog.Find(row.DefinitionId, row.DefinitionVersion, row.JurisdictionId, row.OverlayVersion)
                       ?? throw new NotFoundException("definition", $"{row.DefinitionId} v{row.DefinitionVersion}");
        if (!workflow.TryGetAction(command.ActionId, out var step)) throw new NotFoundException("action", command.ActionId);

        // (2) The pure decision; refusals for state or shape come before the registry rows are looked at.
        var before = InstanceMapping.ToSnapshot(row);
        var request = new ActionRequest
        {
            ActionId = step.Id,
            Facts = command.Body.Facts,
            ActorId = actorId,
            Today = clock.Today,
        };
        WorkflowEngine.Precheck(workflow, before, request)?.Accept();
        Access.ActorRoles.PersonOf(command.Actor);
        Access.ActorRoles.NotSubject(command.Actor, row.SubjectKind, row.SubjectId);
        var role = Access.ActorRoles.Require(step.Actors, command.Actor, Access.OrganizationLine.From(line.Items, row.OrganizationId));
        request = request with { ActorRole = role, Registry = await registry.LoadAsync(step, command.Body.Facts, actorId, null, prefetched, ct, row.Id) };
        var accepted = engine.Decide(workflow, before, request, prechecked: true).Accept();

        // (3) Staged here; the transaction behaviour writes it in one batch with the idempotency record, then commits.
        await recorder.RecordAsync(workflow, row, before, accepted, command.Actor, command.Body.Facts,
            new ActionRecorder.Held(deadlines.Items, locks.Items), ct);
        return InstanceViewBuilder.Response(row, accepted);
    }

    /// <summary>
    /// The units the facts name, read only for an instance of a definition whose steps name units
    /// (the condition is in the SQL, as the instance's definition is not known before the read).
    /// </summary>
    private RegistryLoader.UnitReads? UnitReads(ReadBatch batch, string id)
    {
        if (catalog.DefinitionsNamingUnits.Count == 0) return null;
        var instance = batch.Table<WorkflowInstance>();
        var onlyIf = $"EXISTS (SELECT 1 FROM {instance} WHERE {batch.Column<WorkflowInstance>(nameof(WorkflowInstance.Id))} = {id} "
                     + $"AND {batch.Column<WorkflowInstance>(nameof(WorkflowInstance.DefinitionId))} IN ({batch.Parameters(catalog.DefinitionsNamingUnits)}))";
        return new RegistryLoader.UnitReads(catalog.UnitLockConstraints, onlyIf, id);
    }
}
