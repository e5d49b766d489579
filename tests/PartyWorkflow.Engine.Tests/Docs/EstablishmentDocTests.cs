using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Docs;

/// <summary>docs/organization-establishment.md stays true: its diagram is the engine's, its rule table names every rule used.</summary>
public class EstablishmentDocTests
{
    private static readonly Lazy<CompiledWorkflow> Workflow = new(() => Compile("organization-establishment.v1.json"));

    private static readonly Lazy<CompiledWorkflow> Renewal = new(() => Compile("organization-renewal.v1.json"));

    private static CompiledWorkflow Compile(string file)
    {
        var (definition, errors) = MemberDevelopmentWorkflow.NewParser().Parse(file, RepositoryFiles.Read(Path.Combine("workflows", file)));
        return new CompiledWorkflow(definition ?? throw new InvalidOperationException(string.Join(Environment.NewLine, errors)));
    }

    private static string Doc => RepositoryFiles.Read(Path.Combine("docs", "organization-establishment.md"));

    public static string Diagram => DiagramOf(Workflow.Value);

    public static string RenewalDiagram => DiagramOf(Renewal.Value);

    private static string DiagramOf(CompiledWorkflow workflow) => "```mermaid\n" + workflow.MermaidDiagram().TrimEnd('\n') + "\n```";

    [Fact]
    public void The_documented_diagrams_are_the_ones_the_engine_draws()
    {
        Assert.Contains(Diagram, Doc.ReplaceLineEndings("\n"));
        Assert.Contains(RenewalDiagram, Doc.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_rule_tables_name_every_rule_the_definitions_use()
    {
        foreach (var definition in new[] { Workflow.Value.Definition, Renewal.Value.Definition })
        {
            var used = definition.Rules.Concat(definition.Steps.Concat(definition.SideActions).SelectMany(s => s.Rules)).Select(r => r.Id).Distinct();
            Assert.All(used, id => Assert.Contains($"| `{id}` |", Doc));
        }
    }
}
