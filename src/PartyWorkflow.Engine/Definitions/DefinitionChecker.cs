using PartyWorkflow.Engine.Rules;

namespace PartyWorkflow.Engine.Definitions;

/// <summary>The checks a JSON Schema cannot express: references between ids, and rules the engine implements.</summary>
/// <remarks><paramref name="effects"/>: the effect ids that have handlers; null checks none (the pure engine's own tests).</remarks>
public sealed class DefinitionChecker(string file, RuleCatalog rules, IReadOnlySet<string>? effects = null)
{
    private readonly List<DefinitionError> errors = [];
    private WorkflowDefinition definition = null!;

    public List<DefinitionError> Check(WorkflowDefinition d)
    {
        definition = d;
        var stepIds = new HashSet<string>();
        var sequence = new HashSet<string>();
        var states = new HashSet<string>(d.EndStates.Select(e => e.Id));
        var deadlineKinds = new HashSet<string>(d.Deadlines.Select(k => k.Kind));

        for (var s = 0; s < d.Stages.Count; s++)
            for (var i = 0; i < d.Stages[s].Steps.Count; i++)
            {
                var step = d.Stages[s].Steps[i];
                if (!stepIds.Add(step.Id)) Add($"$.stages[{s}].steps[{i}].id", $"duplicate step id '{step.Id}'");
                if (!step.Repeats) { states.Add(step.Id); sequence.Add(step.Id); }
            }
        for (var i = 0; i < d.SideActions.Count; i++)
            if (!stepIds.Add(d.SideActions[i].Id)) Add($"$.sideActions[{i}].id", $"duplicate action id '{d.SideActions[i].Id}'");

        CheckRules("$.rules", d.Rules, null);
        CheckSubject(d);
        for (var k = 0; k < d.Deadlines.Count; k++)
            for (var r = 0; r < d.Deadlines[k].Reminders.Count; r++)
                for (var t = 0; t < d.Deadlines[k].Reminders[r].To.Count; t++)
                    if (!d.Recipients.ContainsKey(d.Deadlines[k].Reminders[r].To[t]))
                        Add($"$.deadlines[{k}].reminders[{r}].to[{t}]", $"'{d.Deadlines[k].Reminders[r].To[t]}' is not one of the definition's recipients");
        foreach (var duplicate in d.Materials.GroupBy(m => m.Id).Where(g => g.Count() > 1))
            Add("$.materials", $"duplicate checklist id '{duplicate.Key}'");
        for (var m = 0; m < d.Materials.Count; m++)
            foreach (var (step, i) in (d.Materials[m].When?.Steps ?? []).Select((s, i) => (s, i)))
                if (!stepIds.Contains(step)) Add($"$.materials[{m}].when.steps[{i}]", $"'{step}' is not an action of the definition");
                else if (!d.Steps.Concat(d.SideActions).First(a => a.Id == step).Facts.ContainsKey(d.Materials[m].When!.Fact))
                    Add($"$.materials[{m}].when.fact", $"'{d.Materials[m].When!.Fact}' is not a fact of '{step}'");
        for (var k = 0; k < d.Deadlines.Count; k++)
            if (d.Deadlines[k].OpenUntil is { } until && !sequence.Contains(until))
                Add($"$.deadlines[{k}].openUntil", $"'{until}' is not a step of the sequence");
        for (var s = 0; s < d.Stages.Count; s++)
            for (var i = 0; i < d.Stages[s].Steps.Count; i++)
                CheckStep($"$.stages[{s}].steps[{i}]", d.Stages[s].Steps[i], sequence, states, deadlineKinds);
        for (var i = 0; i < d.SideActions.Count; i++)
        {
            var action = d.SideActions[i];
            CheckStep($"$.sideActions[{i}]", action, sequence, states, deadlineKinds);
            if (action.AllowedWhile.Count == 0) Add($"$.sideActions[{i}].allowedWhile", "a side action needs at least one range of states");
        }
        return errors;
    }

    private void CheckStep(string path, StepDefinition step, HashSet<string> sequence, HashSet<string> states, HashSet<string> kinds)
    {
        CheckRules(path + ".rules", step.Rules, step);
        if (step.FilingFact is { } filing && step.Facts.GetValueOrDefault(filing) is not { Type: "organization", Required: true })
            Add(path + ".filingFact", $"the filing fact '{filing}' is not a required organization fact of the step");
        for (var e = 0; e < step.Effects.Count; e++) CheckEffect($"{path}.effects[{e}]", step.Effects[e]);
        if (step.Facts.GetValueOrDefault(step.DateFact) is not { Type: "date", Required: true })
            Add(path + ".dateFact", $"the date fact '{step.DateFact}' must be a required fact of type date");
        for (var r = 0; r < step.AllowedWhile.Count; r++)
        {
            // Ranges are over states, so they name steps of the sequence, never repeating records.
            if (!sequence.Contains(step.AllowedWhile[r].From)) Add($"{path}.allowedWhile[{r}].from", $"'{step.AllowedWhile[r].From}' is not a step of the sequence");
            if (!sequence.Contains(step.AllowedWhile[r].Until)) Add($"{path}.allowedWhile[{r}].until", $"'{step.AllowedWhile[r].Until}' is not a step of the sequence");
        }
        CheckDeadlines(path + ".deadlines", step.Deadlines, kinds);
        for (var o = 0; o < step.Outcomes.Count; o++)
        {
            var outcome = step.Outcomes[o];
            if (outcome.GoTo is { } goTo && !states.Contains(goTo)) Add($"{path}.outcomes[{o}].goTo", $"unknown state '{goTo}'");
            if (outcome.When is null && o != step.Outcomes.Count - 1) Add($"{path}.outcomes[{o}].when", "only the last outcome may have no condition");
            if (outcome.When?.Rule is { } rule && step.Rules.All(r => r.Id != rule)) Add($"{path}.outcomes[{o}].when.rule", $"the step has no rule '{rule}'");
            CheckDeadlines($"{path}.outcomes[{o}].deadlines", outcome.Deadlines, kinds);
            for (var e = 0; e < outcome.Effects.Count; e++) CheckEffect($"{path}.outcomes[{o}].effects[{e}]", outcome.Effects[e]);
        }
        if (step.Outcomes.Count > 0 && step.Outcomes[^1].When is not null)
            Add($"{path}.outcomes[{step.Outcomes.Count - 1}].when", "the last outcome must have no condition, so that every action has an outcome");
    }

    private void CheckRules(string path, IReadOnlyList<RuleReference> references, StepDefinition? step)
    {
        for (var r = 0; r < references.Count; r++)
        {
            var reference = references[r];
            if (!rules.TryGet(reference.Id, out var rule)) { Add($"{path}[{r}].id", $"no rule '{reference.Id}' is implemented"); continue; }
            foreach (var (where, problem) in RuleContractCheck.Check(rule, reference, definition, step))
                Add($"{path}[{r}].{where}", problem);
            foreach (var problem in rule.CheckParameters(reference.Parameters))
                Add($"{path}[{r}].parameters", problem);
        }
    }

    private void CheckSubject(WorkflowDefinition d)
    {
        var first = d.Steps.FirstOrDefault(s => !s.Repeats);
        if (first is { FilingFact: null }) Add("$.stages[0].steps[0].filingFact", "the first step must name the fact of the organization the instance is filed under");
        if (first is not null && !first.Effects.Any(e => e.Id == "register-subject"))
            Add("$.stages[0].steps[0].effects", "the first step must have the effect 'register-subject'");
        for (var u = 0; u < d.Subject.Unique.Count; u++)
        {
            var key = d.Subject.Unique[u].Key;
            if (!key.StartsWith(UniquenessDefinition.FactPrefix, StringComparison.Ordinal)) continue;
            var fact = key[UniquenessDefinition.FactPrefix.Length..];
            if (first?.Facts.GetValueOrDefault(fact) is not { Type: "list" or "member" or "organization" or "unit" })
                Add($"$.subject.unique[{u}].key", $"'{fact}' is not an id or list fact of the first step");
        }
    }

    private void CheckEffect(string path, EffectDefinition effect)
    {
        if (effects is not null && !effects.Contains(effect.Id)) Add(path + ".id", $"no handler for the effect '{effect.Id}'; known: {string.Join(", ", effects.Order())}");
    }

    private void CheckDeadlines(string path, DeadlineChanges changes, HashSet<string> kinds)
    {
        foreach (var (list, name) in new[] { (changes.Open, "open"), (changes.Close, "close") })
            for (var i = 0; i < list.Count; i++)
                if (!kinds.Contains(list[i])) Add($"{path}.{name}[{i}]", $"unknown deadline kind '{list[i]}'");
    }

    private void Add(string path, string message) => errors.Add(new DefinitionError(file, path, message));
}
