using System.Collections.Concurrent;
using PartyWorkflow.Engine.Dates;
using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Rules;

namespace PartyWorkflow.Application.Workflows;

/// <summary>
/// Everything under <c>workflows/</c>, checked once at start-up: definition versions, jurisdiction
/// overlays and working-day calendars. An instance finds the exact definition and overlay versions it
/// started on (compiled once, then cached); new instances start on the latest published definition
/// and their jurisdiction's latest overlay.
/// </summary>
public sealed class WorkflowCatalog
{
    public const string SchemaFile = "schema/workflow-definition.schema.json";

    private readonly Dictionary<(string Id, int Version), WorkflowDefinition> definitions;
    private readonly Dictionary<(string Jurisdiction, int Version), JurisdictionOverlay> overlays;
    private readonly ConcurrentDictionary<(string, int, string?, int?), CompiledWorkflow> compiled = new();

    public RuleCatalog Rules { get; }
    public WorkingDayCalendar Calendar { get; }
    /// <summary>Counties and industries (<c>reference/</c>).</summary>
    public ReferenceLists Reference { get; }
    /// <summary>Funds policies by jurisdiction (<c>policies/</c>).</summary>
    public FundsPolicies Funds { get; }

    public WorkflowCatalog(IEnumerable<WorkflowDefinition> definitions, IEnumerable<JurisdictionOverlay> overlays, RuleCatalog rules, WorkingDayCalendar calendar,
        ReferenceLists? reference = null, FundsPolicies? funds = null)
    {
        Funds = funds ?? FundsPolicies.None;
        Reference = reference ?? ReferenceLists.Empty;
        this.definitions = definitions.ToDictionary(d => (d.DefinitionId, d.Version));
        this.overlays = overlays.ToDictionary(o => (o.JurisdictionId, o.Version));
        Rules = rules;
        Calendar = calendar;
        DefinitionsNamingUnits = this.definitions.Values.Where(d => d.Steps.Any(step => step.Facts.Values.Any(NamesUnits)))
            .Select(d => d.DefinitionId).ToHashSet();
        UnitLockConstraints = this.definitions.Values.SelectMany(d => d.Subject.Unique
                .Where(u => u.Key.StartsWith(UniquenessDefinition.FactPrefix, StringComparison.Ordinal)
                            && d.Steps.FirstOrDefault()?.Facts.GetValueOrDefault(u.Key[UniquenessDefinition.FactPrefix.Length..]) is { } fact && NamesUnits(fact))
                .Select(u => u.Constraint))
            .Distinct().ToList();
        EffectsByAction = this.definitions.Values
            .SelectMany(d => d.Steps.Concat(d.SideActions).SelectMany(step => step.Effects.Concat(step.Outcomes.SelectMany(o => o.Effects))
                .Select(effect => (Action: step.Id, Effect: effect.Id, d.DefinitionId))))
            .GroupBy(x => x.Action)
            .ToDictionary(a => a.Key, a => (IReadOnlyDictionary<string, IReadOnlySet<string>>)a.GroupBy(x => x.Effect)
                .ToDictionary(e => e.Key, e => (IReadOnlySet<string>)e.Select(x => x.DefinitionId).ToHashSet()));
    }

    /// <summary>By action id: the effects some definition gives it, each with those definitions (their handlers may prefetch).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>> EffectsByAction { get; }

    /// <summary>Definitions with a step whose facts name units: their actions read the units in their one read.</summary>
    public IReadOnlySet<string> DefinitionsNamingUnits { get; }

    /// <summary>The uniqueness constraints keyed by units (an open request per unit, say), whose locks the rules on units look at.</summary>
    public IReadOnlyCollection<string> UnitLockConstraints { get; }

    private static bool NamesUnits(FactDefinition fact) =>
        fact.Type == "unit" || (fact.Items is { } items && NamesUnits(items)) || fact.Properties.Values.Any(NamesUnits);

    public IEnumerable<WorkflowDefinition> Definitions => definitions.Values.OrderBy(d => d.DefinitionId).ThenBy(d => d.Version);

    public IEnumerable<JurisdictionOverlay> Overlays => overlays.Values.OrderBy(o => o.JurisdictionId).ThenBy(o => o.Version);

    /// <summary>The compiled workflow of a definition version with, optionally, an overlay version applied.</summary>
    public CompiledWorkflow? Find(string definitionId, int version, string? jurisdiction = null, int? overlayVersion = null)
    {
        if (!definitions.TryGetValue((definitionId, version), out var definition)) return null;
        JurisdictionOverlay? overlay = null;
        if (jurisdiction is not null && !overlays.TryGetValue((jurisdiction, overlayVersion ?? 0), out overlay)) return null;
        return compiled.GetOrAdd((definitionId, version, jurisdiction, overlayVersion),
            _ => new CompiledWorkflow(overlay is null ? definition : OverlayApplier.Apply(definition, overlay, "").Definition));
    }

    /// <summary>
    /// A deadline kind as its definition version declares it. Overlays change rules, never deadlines,
    /// so this needs no compiled workflow.
    /// </summary>
    public DeadlineKindDefinition? DeadlineKind(string definitionId, int version, string kind) =>
        Definition(definitionId, version)?.Deadlines.FirstOrDefault(k => k.Kind == kind);

    /// <summary>A definition version as written (no overlay): its deadlines, recipients and reminder texts.</summary>
    public WorkflowDefinition? Definition(string definitionId, int version) => definitions.GetValueOrDefault((definitionId, version));

    public WorkflowDefinition? LatestPublished(string definitionId) => definitions.Values
        .Where(d => d.DefinitionId == definitionId && d.IsPublished)
        .MaxBy(d => d.Version);

    /// <summary>The latest overlay version a jurisdiction has for a definition.</summary>
    public JurisdictionOverlay? LatestOverlay(string? jurisdiction, string definitionId) => jurisdiction is null
        ? null
        : overlays.Values.Where(o => o.JurisdictionId == jurisdiction && o.DefinitionId == definitionId).MaxBy(o => o.Version);

    /// <summary>Reads and checks the whole folder; every error at once, with file and JSON path.</summary>
    /// <param name="extraRules">Rules of one's own beside the built-in ones.</param>
    /// <param name="effects">The effect ids that have handlers; a definition naming another is refused.</param>
    public static (WorkflowCatalog? Catalog, IReadOnlyList<DefinitionError> Errors) Load(string directory, IEnumerable<IRule>? extraRules = null, IReadOnlySet<string>? effects = null)
    {
        var schemaPath = Path.Combine(directory, SchemaFile);
        if (!Directory.Exists(directory))
            return (null, [new DefinitionError(directory, "$", "the workflows folder does not exist")]);
        if (!File.Exists(schemaPath))
            return (null, [new DefinitionError(schemaPath, "$", "the definition schema is missing")]);

        var errors = new List<DefinitionError>();
        var calendar = WorkflowFiles.LoadCalendars(directory, errors);
        var reference = ReferenceLists.Load(directory, errors);
        var funds = FundsPolicies.Load(directory, reference, errors);
        var rules = RuleCatalog.Create(calendar).With(extraRules ?? []);
        var parser = DefinitionParser.FromSchemaText(File.ReadAllText(schemaPath), rules, effects);
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

        var overlays = new List<JurisdictionOverlay>();
        foreach (var (file, overlay) in WorkflowFiles.LoadOverlays(directory, errors))
        {
            var targets = definitions.Where(d => d.DefinitionId == overlay.DefinitionId).ToList();
            if (targets.Count == 0) errors.Add(new DefinitionError(file, "$.definitionId", $"no definition '{overlay.DefinitionId}'"));
            foreach (var target in targets)
            {
                var (applied, overlayErrors) = OverlayApplier.Apply(target, overlay, file);
                errors.AddRange(overlayErrors);
                if (overlayErrors.Count == 0) errors.AddRange(new DefinitionChecker(file, rules, effects).Check(applied));
            }
            if (overlays.Any(o => o.JurisdictionId == overlay.JurisdictionId && o.Version == overlay.Version))
                errors.Add(new DefinitionError(file, "$.version", $"{overlay.JurisdictionId} version {overlay.Version} is defined twice"));
            else overlays.Add(overlay);
        }
        return errors.Count > 0 ? (null, errors.Distinct().ToList()) : (new WorkflowCatalog(definitions, overlays, rules, calendar, reference, funds), []);
    }
}
