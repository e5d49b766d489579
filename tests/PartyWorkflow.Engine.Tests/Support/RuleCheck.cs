using System.Text.Json;
using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Rules;

namespace PartyWorkflow.Engine.Tests.Support;

/// <summary>Evaluates one rule in isolation: facts, the instance so far, today and the rule's parameters.</summary>
internal static class RuleCheck
{
    public static readonly DateOnly Today = new(2030, 1, 1);

    public static RuleResult Evaluate(IRule rule, string facts = "{}", InstanceSnapshot? instance = null,
        DateOnly? today = null, string parameters = "{}", string dateFact = "date", WorkflowDefinition? definition = null) =>
        rule.Evaluate(Context(rule, facts, instance, today, parameters, dateFact, definition));

    /// <summary>A context as the engine builds it: the rule's contract supplies the parameters <paramref name="parameters"/> leaves out.</summary>
    public static RuleContext Context(IRule rule, string facts = "{}", InstanceSnapshot? instance = null,
        DateOnly? today = null, string parameters = "{}", string dateFact = "date", WorkflowDefinition? definition = null) => new()
    {
        Step = new StepDefinition { Id = "some-step", Name = new LocalizedText("某步骤", "some step"), Actors = ["branch"], DateFact = dateFact },
        Reference = new RuleReference { Id = rule.Id, Severity = RuleSeverity.Refuse, Parameters = JsonObjects.Parse(parameters) },
        Instance = instance ?? InstanceSnapshot.New,
        Facts = JsonObjects.Parse(facts),
        Registry = RegistrySnapshot.Empty,
        Today = today ?? Today,
        Contract = rule.Contract,
        Definition = definition ?? Definition,
    };

    /// <summary>A definition to give rules what they read of it: one checklist, <c>admission</c>.</summary>
    public static readonly WorkflowDefinition Definition = new()
    {
        DefinitionId = "rule-check", Version = 1, IsPublished = true, Name = new LocalizedText("规则检查", "rule check"),
        Subject = new SubjectDefinition { Kind = "person" },
        Stages = [],
        Materials = [new MaterialsDefinition { Id = "admission", Name = new LocalizedText("材料", "materials"), Documents = ["application-letter", "talk-record", "political-review-conclusion"] }],
    };

    /// <summary>
    /// What the definition checker reports about the parameters a reference to <paramref name="rule"/> gives, on the
    /// step <paramref name="stepId"/> of the shipped member-development definition: the contract's checks and the rule's own.
    /// </summary>
    public static IReadOnlyList<string> ParameterProblems(IRule rule, string parameters, string stepId)
    {
        var definition = ShippedDefinition.Value;
        var step = definition.Steps.Concat(definition.SideActions).Single(s => s.Id == stepId);
        var reference = new RuleReference { Id = rule.Id, Severity = RuleSeverity.Refuse, Parameters = JsonObjects.Parse(parameters) };
        return RuleContractCheck.Check(rule, reference, definition, step).Select(p => $"{p.Path}: {p.Message}")
            .Concat(rule.CheckParameters(reference.Parameters))
            .ToList();
    }

    // Read without the definition checker, so that these checks do not depend on the rest of the definition passing it.
    private static readonly Lazy<WorkflowDefinition> ShippedDefinition = new(() =>
        JsonSerializer.Deserialize<WorkflowDefinition>(RepositoryFiles.Read(RepositoryFiles.DefinitionPath), DefinitionJson.Options)!);

    /// <summary>An instance in which the given steps were recorded with the given dates.</summary>
    public static InstanceSnapshot InstanceWithStepDates(params (string StepId, string Date)[] steps)
    {
        var facts = new JsonObject();
        foreach (var (stepId, date) in steps) facts[stepId] = new JsonObject { ["date"] = date };
        return InstanceSnapshot.New with { Facts = facts };
    }
}
