using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Docs;

/// <summary>docs/organization-establishment.md stays true: its diagram is the engine's, its rule table names every rule used.</summary>
public class EstablishmentDocTests
{
    private static readonly Lazy<CompiledWorkflow> Workflow = new(() =>
    {
        var (definition, errors) = MemberDevelopmentWorkflow.NewParser()
            .Parse("organization-establishment.v1.json", RepositoryFiles.Read(Path.Combine("workflows", "organization-establishment.v1.json")));
        return new CompiledWorkflow(definition ?? throw new InvalidOperationException(string.Join(Environment.NewLine, errors)));
    });

    private static string Doc => RepositoryFiles.Read(Path.Combine("docs", "organization-establishment.md"));

    public static string Diagram => "```mermaid\n" + Workflow.Value.MermaidDiagram().TrimEnd('\n') + "\n```";

    [Fact]
    public void The_documented_diagram_is_the_one_the_engine_draws() => Assert.Contains(Diagram, Doc.ReplaceLineEndings("\n"));

    [Fact]
    public void The_rule_table_names_every_rule_the_definition_uses()
    {
        var definition = Workflow.Value.Definition;
        var used = definition.Rules.Concat(definition.Steps.Concat(definition.SideActions).SelectMany(s => s.Rules)).Select(r => r.Id).Distinct();
        Assert.All(used, id => Assert.Contains($"| `{id}` |", Doc));
    }
}
