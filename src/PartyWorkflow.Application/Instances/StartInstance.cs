using Mediator;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Registry;
using PartyWorkflow.Application.Subjects;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Instances;

/// <summary>
/// Starts an instance of any published definition with its first step's facts. The subject (the
/// applicant, say) is registered by the first step's <c>register-subject</c> effect, not here.
/// </summary>
public sealed record StartInstance(string DefinitionId, ActionBody Body, string? IdempotencyKey, Access.Actor Actor) : ICommand<InstanceView>, IIdempotent, IWritesOnce
{
    // Keys are the client's own: two instructors may both send "1". The aliases share the scope.
    public string IdempotencyScope => $"start {DefinitionId} by {Actor.UserId}";

    public bool HandlerReadsIdempotencyRecord => true;
}

public sealed class StartInstanceHandler(
    PartyWorkflowDbContext db, WorkflowCatalog catalog, WorkflowEngine engine, RegistryLoader registry, SubjectKinds subjects,
    ActionRecorder recorder, InstanceViewBuilder views, IdempotencyStore idempotency, Clock clock)
    : ICommandHandler<StartInstance, InstanceView>
{
    public async ValueTask<InstanceView> Handle(StartInstance command, CancellationToken ct)
    {
        var definition = catalog.LatestPublished(command.DefinitionId) ?? throw new NotFoundException("definition", command.DefinitionId);
        var facts = command.Body.Facts;
        var first = definition.Steps.First(s => !s.Repeats);
        // Who acts is checked once the facts are known to be well formed (a 400 before a 403).
        var actorId = command.Actor.PersonId ?? Guid.Empty;
        var request = new ActionRequest
        {
            ActionId = first.Id,
            Facts = facts,
            ActorId = actorId,
            Today = clock.Today,
        };
        // Malformed facts are answered before any registry read; overlays change rules, never facts,
        // so the definition as written can tell.
        WorkflowEngine.Precheck(catalog.Find(definition.DefinitionId, definition.Version)!, InstanceSnapshot.New, request)?.Accept();
        Access.ActorRoles.PersonOf(command.Actor);
        var kind = subjects.Get(definition.Subject.Kind);
        var register = first.Effects.First(e => e.Id == Effects.RegisterSubjectEffect.EffectId).Parameters;

        // (1) One read: the key's record, the filing organization and its ancestors (for the jurisdiction),
        // the subject if the registry knows it and the locks it holds, the people and organizations the facts name.
        var batch = new ReadBatch(db);
        var earlier = idempotency.AddTo(batch);
        var filing = first.FilingFact is { } filingFact ? FactReader.Id(facts, filingFact) : null;
        var chain = filing is { } organization ? JurisdictionResolver.AddChain(batch, organization) : null;
        var subjectLocks = kind.Prefetch(batch, register, facts) is { } subjectId ? SubjectLocks.AddSubjectLocks(batch, definition, subjectId) : null;
        var prefetched = RegistryLoader.Prefetch(batch, facts, actorId,
            units: catalog.DefinitionsNamingUnits.Contains(definition.DefinitionId) ? new RegistryLoader.UnitReads(catalog.UnitLockConstraints) : null);
        await batch.ExecuteAsync(ct);
        if (idempotency.TryReplay(earlier, out InstanceView replay)) return replay;

        // (2) The decision, on the overlay of the filing organization's jurisdiction.
        var overlay = catalog.LatestOverlay(filing is { } id ? JurisdictionResolver.Resolve(id, chain!.Items) : null, definition.DefinitionId);
        var workflow = catalog.Find(definition.DefinitionId, definition.Version, overlay?.JurisdictionId, overlay?.Version)!;
        var step = workflow.Sequence[0];
        // Who may take the first step here: a role held for the filing organization or one above it.
        var role = Access.ActorRoles.Require(step.Actors, command.Actor, Access.OrganizationLine.From(chain?.Items ?? [], filing));
        var known = await kind.IdentifyAsync(register, facts, ct);
        if (known is not null)
        {
            Access.ActorRoles.NotSubject(command.Actor, definition.Subject.Kind, known.Id);
            known = known with { HasOpenProcess = subjectLocks is not null && SubjectLocks.Holds(subjectLocks.Items, known.Id) };
        }
        request = request with { ActorRole = role, Registry = await registry.LoadAsync(step, facts, actorId, known, prefetched, ct) };
        var accepted = engine.Decide(workflow, InstanceSnapshot.New, request, prechecked: true).Accept();

        // (3) Staged; the transaction behaviour writes it in one batch with the idempotency record, then commits.
        var row = new WorkflowInstance
        {
            Id = Guid.CreateVersion7(),
            DefinitionId = workflow.Definition.DefinitionId,
            DefinitionVersion = workflow.Definition.Version,
            JurisdictionId = overlay?.JurisdictionId,
            OverlayVersion = overlay?.Version,
            SubjectKind = definition.Subject.Kind,
            OrganizationId = accepted.Filing!.Value,
            State = CompiledWorkflow.NewState,
            CreatedAt = clock.Now,
        };
        db.Instances.Add(row);
        await recorder.RecordAsync(workflow, row, InstanceSnapshot.New, accepted, command.Actor, facts, held: null, ct);

        var view = views.Build(row, db.History.Local.Where(h => h.InstanceId == row.Id), db.Deadlines.Local.Where(d => d.InstanceId == row.Id && d.IsOpen))
            with { Warnings = accepted.Warnings.Select(RuleMessageView.From).ToList() };
        return view;
    }
}
