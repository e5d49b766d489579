using System.Text.Json;
using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Rules;

/// <summary>
/// The contracts of every rule of the catalog: their defaults are the only ones there are, so they must
/// be usable as they stand (steps that exist, numbers within bounds), and the shipped definition and
/// overlay must give each rule only what its contract declares.
/// </summary>
public class RuleContractTests(MemberDevelopmentWorkflow workflow) : IClassFixture<MemberDevelopmentWorkflow>
{
    private const string OverlayPath = "workflows/jurisdictions/example-county.json";

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in RuleCatalog.Default.Ids.Order(StringComparer.Ordinal)) data.Add(id);
        return data;
    }

    private static IRule Rule(string id) => RuleCatalog.Default.Get(id);

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_step_parameter_defaults_to_a_step_of_the_member_development_definition(string ruleId)
    {
        var steps = workflow.Definition.Steps.Concat(workflow.Definition.SideActions).Select(s => s.Id).ToHashSet();

        foreach (var parameter in Rule(ruleId).Contract.Parameters.Where(p => p.Type == ParameterType.Step))
            Assert.True(parameter.Default is JsonValue v && v.TryGetValue<string>(out var step) && steps.Contains(step),
                $"{ruleId}: the default of '{parameter.Name}' ({parameter.Default?.ToJsonString() ?? "none"}) is not a step of member-development");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_integer_default_lies_within_its_bounds(string ruleId)
    {
        foreach (var parameter in Rule(ruleId).Contract.Parameters.Where(p => p.Type == ParameterType.Integer))
        {
            Assert.True(parameter.Default is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out _),
                $"{ruleId}: '{parameter.Name}' has no whole-number default");
            var value = parameter.Default!.GetValue<int>();
            Assert.InRange(value, parameter.Minimum ?? int.MinValue, parameter.Maximum ?? int.MaxValue);
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_parameter_but_a_required_checklist_has_a_default_of_its_type(string ruleId)
    {
        var contract = Rule(ruleId).Contract;

        Assert.Equal(contract.Parameters.Count, contract.Parameters.Select(p => p.Name).Distinct().Count());
        foreach (var parameter in contract.Parameters)
        {
            if (parameter.Type == ParameterType.Checklist && parameter.Default is null) continue;
            var expected = parameter.Type == ParameterType.Integer ? JsonValueKind.Number : JsonValueKind.String;
            Assert.True(parameter.Default?.GetValueKind() == expected, $"{ruleId}: '{parameter.Name}' has no default of type {parameter.Type}");
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_defaults_pass_the_contract_check(string ruleId)
    {
        var rule = Rule(ruleId);
        var step = StepsReferring(ruleId).FirstOrDefault();
        var defaults = new JsonObject();
        foreach (var parameter in rule.Contract.Parameters) defaults[parameter.Name] = parameter.Default?.DeepClone() ?? RequiredValue(parameter);
        var reference = new RuleReference { Id = ruleId, Severity = RuleSeverity.Refuse, Parameters = defaults };

        Assert.Empty(RuleContractCheck.Check(rule, reference, workflow.Definition, step));
        Assert.Empty(rule.CheckParameters(defaults));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Evaluating_with_empty_parameters_never_lacks_a_default(string ruleId)
    {
        var rule = Rule(ruleId);
        // Only what has no default is given: a required checklist, named by one of the definition's own.
        var parameters = new JsonObject();
        foreach (var parameter in rule.Contract.Parameters.Where(p => p.Default is null)) parameters[parameter.Name] = RequiredValue(parameter);

        foreach (var (facts, instance) in new[] { ("{}", InstanceSnapshot.New), (RichFacts, RichInstance()) })
        {
            var context = RuleCheck.Context(rule, facts, instance, parameters: parameters.ToJsonString(), definition: workflow.Definition);
            var evaluated = Record.Exception(() => rule.Evaluate(context));
            var previewed = Record.Exception(() => rule.Preview(context));

            Assert.True(evaluated is null, $"{ruleId}: Evaluate threw {evaluated}");
            Assert.True(previewed is null, $"{ruleId}: Preview threw {previewed}");
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Facts_and_fields_named_by_a_parameter_resolve_from_the_defaults(string ruleId)
    {
        var contract = Rule(ruleId).Contract;

        foreach (var fact in contract.Facts.Concat(contract.Fields))
        {
            if (fact.FromParameter)
                Assert.True(contract.Parameter(fact.Name)?.Type == ParameterType.Fact, $"{ruleId}: '{fact.Name}' is not a Fact parameter");
            Assert.False(string.IsNullOrEmpty(fact.Resolve(contract, [], dateFact: "date")), $"{ruleId}: '{fact.Name}' does not resolve without parameters");
        }
    }

    [Fact]
    public void The_definition_gives_every_rule_only_what_its_contract_declares()
    {
        Assert.Empty(ContractProblems(workflow.Definition));
    }

    [Fact]
    public void The_example_county_overlay_gives_every_rule_only_what_its_contract_declares()
    {
        var overlay = JsonSerializer.Deserialize<JurisdictionOverlay>(RepositoryFiles.Read(OverlayPath), DefinitionJson.Options)!;
        var (definition, errors) = OverlayApplier.Apply(workflow.Definition, overlay, OverlayPath);

        Assert.Empty(errors);
        Assert.Empty(ContractProblems(definition));
    }

    [Fact]
    public void An_unknown_or_misspelt_parameter_is_refused_naming_the_known_ones()
    {
        var problems = RuleCheck.ParameterProblems(Rule("activist-training-one-year"), """{ "month": 12 }""", "designate-development-target");

        var problem = Assert.Single(problems);
        Assert.Contains("parameters.month", problem);
        Assert.Contains("known: months, fromStep", problem);
    }

    [Fact]
    public void A_rule_without_parameters_refuses_any()
    {
        var problem = Assert.Single(RuleCheck.ParameterProblems(Rule("meeting-quorum"), """{ "minimum": 1 }""", "branch-meeting-admission"));

        Assert.Contains("it takes none", problem);
    }

    [Fact]
    public void A_step_parameter_must_name_a_step_of_the_definition()
    {
        Assert.Contains(RuleCheck.ParameterProblems(Rule("probation-one-year"), """{ "fromStep": "branch-meeting" }""", "committee-approval"),
            p => p.Contains("'branch-meeting' is not a step of the definition"));
        Assert.Contains(RuleCheck.ParameterProblems(Rule("probation-one-year"), """{ "fromStep": 12 }""", "committee-approval"),
            p => p.Contains("non-empty string"));
    }

    [Fact]
    public void A_fact_parameter_must_name_a_fact_of_the_step()
    {
        var problems = RuleCheck.ParameterProblems(Rule("organization-is-a-branch"), """{ "field": "toBranchId" }""", "submit-application");

        Assert.Contains(problems, p => p.Contains("'toBranchId' is not a fact of the step 'submit-application'"));
        Assert.Contains(problems, p => p.Contains("reads the fact 'toBranchId'"));
    }

    [Fact]
    public void A_step_without_a_fact_the_rule_reads_is_refused_but_an_optional_fact_may_be_missing()
    {
        // pre-review has no contactIds; committee-approval declares specialReason, which approval-within-3-months only reads when present.
        Assert.Contains(RuleCheck.ParameterProblems(Rule("contacts-1-or-2-full-members"), "{}", "pre-review"), p => p.Contains("reads the fact 'contactIds'"));
        Assert.Empty(RuleCheck.ParameterProblems(Rule("approval-within-3-months"), "{}", "branch-meeting-confirmation"));
    }

    [Fact]
    public void Integers_are_held_to_whole_numbers_and_their_bounds()
    {
        var rule = Rule("sponsors-two-full-members");

        Assert.Contains(RuleCheck.ParameterProblems(rule, """{ "count": 0 }""", "assign-sponsors"), p => p.Contains("at least 1"));
        Assert.Contains(RuleCheck.ParameterProblems(rule, """{ "count": 2.5 }""", "assign-sponsors"), p => p.Contains("whole number"));
        Assert.Contains(RuleCheck.ParameterProblems(rule, """{ "count": "2" }""", "assign-sponsors"), p => p.Contains("whole number"));
    }

    private IEnumerable<StepDefinition> StepsReferring(string ruleId) =>
        workflow.Definition.Steps.Concat(workflow.Definition.SideActions).Where(s => s.Rules.Any(r => r.Id == ruleId));

    private JsonNode RequiredValue(RuleParameter parameter) => parameter.Type switch
    {
        ParameterType.Checklist => JsonValue.Create(workflow.Definition.Materials[0].Id),
        _ => throw new InvalidOperationException($"no test value for a required {parameter.Type} parameter '{parameter.Name}'"),
    };

    private static List<string> ContractProblems(WorkflowDefinition definition)
    {
        var problems = new List<string>();
        void Check(StepDefinition? step, IEnumerable<RuleReference> references)
        {
            foreach (var reference in references)
            {
                if (!RuleCatalog.Default.TryGet(reference.Id, out var rule)) { problems.Add($"{step?.Id}: no rule '{reference.Id}'"); continue; }
                problems.AddRange(RuleContractCheck.Check(rule, reference, definition, step).Select(p => $"{step?.Id}/{reference.Id}: {p.Path}: {p.Message}"));
                problems.AddRange(rule.CheckParameters(reference.Parameters).Select(p => $"{step?.Id}/{reference.Id}: {p}"));
            }
        }
        Check(null, definition.Rules);
        foreach (var step in definition.Steps.Concat(definition.SideActions)) Check(step, step.Rules);
        return problems;
    }

    /// <summary>Action facts with something for every rule to read, so that no rule stops before it reads its parameters.</summary>
    private static readonly string RichFacts = $$"""
        {
          "date": "2026-06-01", "applicationDate": "2026-06-01",
          "person": { "name": "张三", "citizenId": "{{CitizenIds.Valid(new DateOnly(1990, 1, 1))}}" },
          "branchId": "{{TestRegistry.Branch}}", "approverOrganizationId": "{{TestRegistry.Branch}}", "toBranchId": "{{TestRegistry.Branch}}",
          "contactIds": [], "sponsorIds": [],
          "proposal": "extend", "extensionMonths": 6,
          "publicityStart": "2026-05-01", "publicityEnd": "2026-05-10",
          "leavingUnitWithin3Months": true,
          "entitled": 5, "present": 4, "yes": 3, "no": 1, "abstain": 0, "written": { "yes": 1, "no": 0, "abstain": 0, "voters": 1 }
        }
        """;

    /// <summary>An instance in which every step of the definition was recorded, with the dates rules compute.</summary>
    private InstanceSnapshot RichInstance()
    {
        var facts = new JsonObject();
        foreach (var step in workflow.Definition.Steps.Concat(workflow.Definition.SideActions))
        {
            var record = JsonObjects.Parse("""
                { "date": "2025-01-01", "applicationDate": "2025-01-01", "result": "passed", "proposal": "extend",
                  "extensionMonths": 6, "days": 3, "classHours": 24 }
                """);
            facts[step.Id] = step.Repeats ? new JsonArray(record) : record;
        }
        return InstanceSnapshot.New with
        {
            Facts = facts,
            Dates = new Dictionary<string, DateOnly> { ["probationEnd"] = new(2026, 1, 1), ["originalProbationEnd"] = new(2025, 7, 1) },
            LastStepDate = new DateOnly(2025, 1, 1),
        };
    }
}
