using System.Text.Json;
using System.Text.Json.Nodes;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Facts;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Instances;

/// <summary>Builds the instance view from rows already loaded, asking the engine what may come next.</summary>
public sealed class InstanceViewBuilder(WorkflowCatalog catalog, WorkflowEngine engine, Clock clock)
{
    public InstanceView Build(WorkflowInstance row, IEnumerable<HistoryEntry> history, IEnumerable<Deadline> openDeadlines)
    {
        var workflow = catalog.Find(row.DefinitionId, row.DefinitionVersion, row.JurisdictionId, row.OverlayVersion)
                       ?? throw new NotFoundException("definition", $"{row.DefinitionId} v{row.DefinitionVersion}{(row.JurisdictionId is null ? "" : $" with {row.JurisdictionId} v{row.OverlayVersion}")}");
        var snapshot = InstanceMapping.ToSnapshot(row);
        var today = clock.Today;
        var isEnd = workflow.IsEnd(row.State);
        return new InstanceView
        {
            Id = row.Id,
            DefinitionId = row.DefinitionId,
            DefinitionVersion = row.DefinitionVersion,
            JurisdictionId = row.JurisdictionId,
            OverlayVersion = row.OverlayVersion,
            Version = row.Version,
            SubjectKind = row.SubjectKind,
            SubjectId = row.SubjectId,
            SubjectName = row.SubjectName,
            OrganizationId = row.OrganizationId,
            AwaitedRoles = InstanceMapping.ParseRoles(row.AwaitedRoles),
            State = row.State,
            Stage = row.Stage,
            Step = isEnd ? null : row.State,
            EndState = isEnd ? row.State : null,
            IsOpen = row.IsOpen,
            ComputedDates = snapshot.Dates,
            Facts = snapshot.Facts,
            Documents = snapshot.Documents.Order().ToList(),
            Materials = Materials(workflow, snapshot),
            PermittedActions = engine.NextActions(workflow, snapshot, today).Select(n => new NextActionView(
                n.Step.Id,
                new LocalizedMessage(n.Step.Name.Zh, n.Step.Name.En),
                n.Step.Actors,
                n.FailingRules.Select(RuleMessageView.From).ToList(),
                // A date only when time alone will do: if any failing rule needs something else, none.
                n.FailingRules.Count == 0 || n.FailingRules.Any(r => r.EarliestDate is null) ? null : n.FailingRules.Max(r => r.EarliestDate),
                BodySchema(n.Step))).ToList(),
            OpenDeadlines = openDeadlines.OrderBy(d => d.DueDate).Select(d =>
            {
                var kind = workflow.DeadlineKinds.GetValueOrDefault(d.Kind);
                return new DeadlineView(d.Kind, new LocalizedMessage(kind?.Name.Zh ?? d.Kind, kind?.Name.En ?? d.Kind), d.DueDate, d.DueDate < today);
            }).ToList(),
            History = history.OrderBy(h => h.Sequence).Select(h => new HistoryView(
                h.Sequence, h.RecordedAt, h.ActorId, h.ActorRole, h.ActionId, h.FromState, h.ToState, h.Outcome,
                h.ActionDate, h.OrganizationId, h.DefinitionVersion,
                JsonNode.Parse(h.FactsJson)?.AsObject() ?? [],
                JsonSerializer.Deserialize<List<string>>(h.WarningsJson) ?? [])).ToList(),
        };
    }

    /// <summary>
    /// The documents of the steps, on file or not, and the checklists that apply with what is missing.
    /// Where checklists depend on the instance (per mode, say), the documents are those of the lists that apply.
    /// </summary>
    private static MaterialsView Materials(CompiledWorkflow workflow, InstanceSnapshot snapshot)
    {
        var applicable = workflow.Definition.Materials.Where(m => m.When?.Holds(snapshot) ?? true).ToList();
        var listed = workflow.Definition.Materials.Any(m => m.When is not null) ? applicable.SelectMany(m => m.Documents).ToHashSet() : null;
        var checklist = workflow.Definition.Steps.Concat(workflow.Definition.SideActions)
            .SelectMany(step => step.Documents.Select(document => (document, step.Id)))
            .DistinctBy(d => d.document)
            .Where(d => listed?.Contains(d.document) ?? true)
            .Select(d => new MaterialView(d.document, d.Id, snapshot.Documents.Contains(d.document)))
            .ToList();
        var required = applicable.Select(m => new RequiredMaterialsView(
            m.Id, new LocalizedMessage(m.Name.Zh, m.Name.En), m.Documents.Where(d => !snapshot.Documents.Contains(d)).ToList()));
        return new MaterialsView(checklist, required.ToList());
    }

    /// <summary>
    /// A step's body schema, built once per step (definitions are immutable once loaded) rather than on
    /// every view. Shared by every response that shows it, so it is never changed or attached elsewhere.
    /// </summary>
    private static JsonObject BodySchema(Engine.Definitions.StepDefinition step) => BodySchemas.GetValue(step, ActionSchema.ForBody);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Engine.Definitions.StepDefinition, JsonObject> BodySchemas = new();

    public static ActionResponse Response(WorkflowInstance row, Accepted accepted) => new()
    {
        InstanceId = row.Id,
        Version = row.Version,
        ActionId = accepted.ActionId,
        Outcome = accepted.Outcome,
        State = row.State,
        Stage = row.Stage,
        IsOpen = row.IsOpen,
        OrganizationId = row.OrganizationId,
        DecidedBy = accepted.DecidedBy is { } d ? RuleMessageView.From(d) : null,
        Warnings = accepted.Warnings.Select(RuleMessageView.From).ToList(),
        ComputedDates = accepted.ComputedDates,
    };
}
