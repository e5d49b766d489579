using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Facts;
using PartyWorkflow.Engine.Rules;

namespace PartyWorkflow.Engine.Execution;

/// <summary>
/// Decides actions. Pure: definition, instance, facts, actor and today in; a decision out.
/// Refusals list every unmet rule at once, so a user fixes everything in one go.
/// </summary>
public sealed class WorkflowEngine(RuleCatalog rules)
{
    /// <summary>
    /// The refusals that need nothing from the registry: an unknown action (404), one the state does
    /// not permit (409), malformed facts or an actor the step does not list (400). Null when none
    /// applies; callers ask this before reading the registry, so such requests cost no registry read.
    /// </summary>
    public static Decision? Precheck(CompiledWorkflow workflow, InstanceSnapshot instance, ActionRequest request)
    {
        if (!workflow.TryGetAction(request.ActionId, out var step)) return new UnknownAction(request.ActionId);
        var state = instance.State ?? CompiledWorkflow.NewState;
        if (!workflow.IsPermitted(state, step.Id)) return new NotPermitted(state, step.Id);

        var fieldErrors = FactValidator.Validate(step, request.Facts);
        var role = request.ActorRole ?? step.Actors[0];
        if (!step.Actors.Contains(role))
            fieldErrors["actorRole"] = [$"'{role}' may not take this step; allowed: {string.Join(", ", step.Actors)}"];
        return fieldErrors.Count > 0 ? new InvalidFacts(fieldErrors) : null;
    }

    /// <param name="prechecked">The caller has had <see cref="Precheck"/> pass on this request already.</param>
    public Decision Decide(CompiledWorkflow workflow, InstanceSnapshot instance, ActionRequest request, bool prechecked = false)
    {
        if (!prechecked && Precheck(workflow, instance, request) is { } refusal) return refusal;
        workflow.TryGetAction(request.ActionId, out var step);
        var state = instance.State ?? CompiledWorkflow.NewState;
        var role = request.ActorRole ?? step.Actors[0];

        var unmet = new List<RuleMessage>(UnknownReferences(step, request));
        var warnings = new List<RuleMessage>();
        var decided = new Dictionary<string, RuleMessage?>();
        var computed = new Dictionary<string, DateOnly>();
        foreach (var reference in workflow.Definition.Rules.Concat(step.Rules))
        {
            if (!reference.Enabled || (reference.When is { } when && !ConditionEvaluator.Holds(when, request.Facts, instance, decided))) continue;
            var implementation = rules.Get(reference.Id);
            var result = implementation.Evaluate(Context(workflow.Definition, step, reference, instance, request.Facts, request));
            var message = result.Met ? null : new RuleMessage(reference.Id, result.Message!, result.EarliestDate, Fields(implementation, reference, step));
            switch (reference.Severity)
            {
                case RuleSeverity.Refuse or RuleSeverity.Compute when message is not null: unmet.Add(message); break;
                case RuleSeverity.Warn when message is not null: warnings.Add(message); break;
                case RuleSeverity.Decides: decided[reference.Id] = message; break;
                case RuleSeverity.Compute: foreach (var (k, v) in result.Computed) computed[k] = v; break;
            }
        }
        if (unmet.Count > 0) return new Refused(unmet);

        var outcome = step.Outcomes.FirstOrDefault(o => o.When is null || ConditionEvaluator.Holds(o.When, request.Facts, instance, decided))
                      ?? new OutcomeDefinition { Id = "done" };
        var newState = workflow.Fire(state, step.Id, outcome.Id);
        var date = FactReader.Date(request.Facts, step.DateFact)!.Value;
        var allDates = new Dictionary<string, DateOnly>(instance.Dates);
        foreach (var (k, v) in computed) allDates[k] = v;

        return new Accepted
        {
            ActionId = step.Id,
            FromState = state,
            NewState = newState,
            Outcome = outcome.Id,
            ActorRole = role,
            ActionDate = date,
            RecordedFacts = WithoutPersonalData(step.Facts, request.Facts),
            Documents = step.Documents,
            OpenDeadlines = step.Deadlines.Open.Concat(outcome.Deadlines.Open)
                .Where(kind => workflow.DeadlineKinds[kind].OpenUntil is not { } until || !workflow.HasCompleted(state, until))
                .Select(kind => new DeadlineOpening(kind, DueDate(workflow.DeadlineKinds[kind], date, allDates))).ToList(),
            CloseDeadlines = step.Deadlines.Close.Concat(outcome.Deadlines.Close).ToList(),
            Warnings = warnings,
            ComputedDates = computed,
            DecidedBy = DecidingRule(outcome.When) is { } rule ? decided.GetValueOrDefault(rule) : null,
            Effects = step.Effects.Concat(outcome.Effects).ToList(),
            Filing = step.FilingFact is { } filingFact ? FactReader.Id(request.Facts, filingFact) : null,
            EndsInstance = workflow.IsEnd(newState),
        };
    }

    /// <summary>The actions the instance's state permits, each with the rules on stored facts it still fails.</summary>
    public IReadOnlyList<NextAction> NextActions(CompiledWorkflow workflow, InstanceSnapshot instance, DateOnly today)
    {
        var state = instance.State ?? CompiledWorkflow.NewState;
        var next = new List<NextAction>();
        foreach (var actionId in workflow.PermittedActions(state))
        {
            workflow.TryGetAction(actionId, out var step);
            var failing = new List<RuleMessage>();
            foreach (var reference in step.Rules.Where(r => r.Enabled && r.Severity == RuleSeverity.Refuse))
            {
                var rule = rules.Get(reference.Id);
                var preview = rule.Preview(Context(workflow.Definition, step, reference, instance, [], null, today));
                if (preview is { Met: false }) failing.Add(new RuleMessage(reference.Id, preview.Message!, preview.EarliestDate, Fields(rule, reference, step)));
            }
            next.Add(new NextAction(step, failing));
        }
        return next;
    }

    /// <summary>The instance after an accepted action: state, stored facts, dates and documents.</summary>
    public static InstanceSnapshot Apply(CompiledWorkflow workflow, InstanceSnapshot instance, Accepted accepted)
    {
        workflow.TryGetAction(accepted.ActionId, out var step);
        var facts = instance.Facts.DeepClone().AsObject();
        if (step.Repeats)
        {
            if (facts[step.Id] is not JsonArray list) facts[step.Id] = list = [];
            list.Add(accepted.RecordedFacts.DeepClone());
        }
        else facts[step.Id] = accepted.RecordedFacts.DeepClone();

        var dates = new Dictionary<string, DateOnly>(instance.Dates);
        foreach (var (k, v) in accepted.ComputedDates) dates[k] = v;
        // Only steps of the sequence set the date later steps may not precede: a record entered late
        // with its true date (an inspection, a thought report) is not blocked by another record.
        var lastDate = !workflow.IsSequenceStep(step.Id) || (instance.LastStepDate is { } last && last > accepted.ActionDate)
            ? instance.LastStepDate
            : accepted.ActionDate;
        return instance with
        {
            State = accepted.NewState,
            Facts = facts,
            Dates = dates,
            Documents = instance.Documents.Concat(accepted.Documents).ToHashSet(),
            LastStepDate = lastDate,
            OrganizationId = accepted.Filing ?? instance.OrganizationId,
        };
    }

    private static IReadOnlyList<string> Fields(IRule rule, RuleReference reference, StepDefinition step) =>
        rule.Contract.Fields.Select(f => f.Resolve(rule.Contract, reference.Parameters, step.DateFact)).OfType<string>().ToList();

    /// <summary>The deciding rule an outcome's condition names, if any (e.g. <c>majority-of-entitled</c> for "not passed").</summary>
    private static string? DecidingRule(Condition? condition) =>
        condition is null ? null : condition.Rule ?? condition.All?.Select(DecidingRule).FirstOrDefault(r => r is not null);

    private static DateOnly DueDate(DeadlineKindDefinition kind, DateOnly actionDate, IReadOnlyDictionary<string, DateOnly> dates)
    {
        var from = kind.Due.From == "date" ? actionDate : dates.GetValueOrDefault(kind.Due.From, actionDate);
        return from.AddMonths(kind.Due.Months);
    }

    private static IEnumerable<RuleMessage> UnknownReferences(StepDefinition step, ActionRequest request)
    {
        if (!request.Registry.People.ContainsKey(request.ActorId))
            yield return new RuleMessage("actor-exists", new LocalizedText($"actorId：找不到编号为 {request.ActorId} 的人员", $"actorId: no person with id {request.ActorId}"));
        foreach (var reference in FactReferences.Collect(step.Facts, request.Facts))
        {
            var known = reference.Type switch
            {
                "member" => request.Registry.People.ContainsKey(reference.Id),
                "unit" => request.Registry.Units.ContainsKey(reference.Id),
                _ => request.Registry.Organizations.ContainsKey(reference.Id),
            };
            if (known) continue;
            yield return reference.Type switch
            {
                "member" => new RuleMessage("member-exists", new LocalizedText($"{reference.Field}：找不到编号为 {reference.Id} 的党员", $"{reference.Field}: no member with id {reference.Id}")),
                "unit" => new RuleMessage("unit-exists", new LocalizedText($"{reference.Field}：找不到编号为 {reference.Id} 的单位", $"{reference.Field}: no unit with id {reference.Id}")),
                _ => new RuleMessage("organization-exists", new LocalizedText($"{reference.Field}：找不到编号为 {reference.Id} 的党组织", $"{reference.Field}: no party organization with id {reference.Id}")),
            };
        }
    }

    private static JsonObject WithoutPersonalData(IReadOnlyDictionary<string, FactDefinition> definitions, JsonObject facts)
    {
        var copy = new JsonObject();
        foreach (var (name, node) in facts)
        {
            if (definitions.TryGetValue(name, out var definition) && definition.Personal) continue;
            copy[name] = node is JsonObject inner && definition is { Type: "object" }
                ? WithoutPersonalData(definition.Properties, inner)
                : node?.DeepClone();
        }
        return copy;
    }

    private RuleContext Context(WorkflowDefinition definition, StepDefinition step, RuleReference reference, InstanceSnapshot instance, JsonObject facts, ActionRequest? request, DateOnly? today = null) => new()
    {
        Step = step,
        Reference = reference,
        Instance = instance,
        Facts = facts,
        Registry = request?.Registry ?? RegistrySnapshot.Empty,
        Definition = definition,
        Today = request?.Today ?? today!.Value,
        // The defaults of parameters the definition leaves out.
        Contract = rules.TryGet(reference.Id, out var rule) ? rule.Contract : RuleContract.None,
    };
}

public sealed record NextAction(StepDefinition Step, IReadOnlyList<RuleMessage> FailingRules);
