namespace PartyWorkflow.Engine.Definitions;

/// <summary>Applies a jurisdiction overlay to a definition: a new definition with the rules switched and parameterized.</summary>
public static class OverlayApplier
{
    public static (WorkflowDefinition Definition, IReadOnlyList<DefinitionError> Errors) Apply(WorkflowDefinition definition, JurisdictionOverlay overlay, string file)
    {
        var errors = new List<DefinitionError>();
        var overrides = overlay.Rules.Select((o, i) => (Override: o, Path: $"$.rules[{i}]")).ToList();
        var used = new HashSet<int>();

        IReadOnlyList<RuleReference> Rewrite(string? stepId, IReadOnlyList<RuleReference> rules) => rules.Select(rule =>
        {
            for (var i = 0; i < overrides.Count; i++)
            {
                var o = overrides[i].Override;
                if (o.Step != stepId || o.Id != rule.Id) continue;
                used.Add(i);
                var parameters = rule.Parameters.DeepClone().AsObject();
                foreach (var (name, value) in o.Parameters ?? []) parameters[name] = value?.DeepClone();
                rule = rule with { Enabled = o.Enabled ?? rule.Enabled, Parameters = parameters };
            }
            return rule;
        }).ToList();

        StepDefinition RewriteStep(StepDefinition step) => step with { Rules = Rewrite(step.Id, step.Rules) };
        var result = definition with
        {
            Rules = Rewrite(null, definition.Rules),
            Stages = definition.Stages.Select(stage => stage with { Steps = stage.Steps.Select(RewriteStep).ToList() }).ToList(),
            SideActions = definition.SideActions.Select(RewriteStep).ToList(),
        };
        for (var i = 0; i < overrides.Count; i++)
            if (!used.Contains(i))
            {
                var o = overrides[i].Override;
                errors.Add(new DefinitionError(file, overrides[i].Path,
                    $"{definition.DefinitionId} v{definition.Version} has no rule '{o.Id}' at {(o.Step is null ? "the workflow level" : $"step '{o.Step}'")}"));
            }
        return (result, errors);
    }
}
