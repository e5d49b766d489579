using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Docs;

/// <summary>docs/member-development.md stays true: its diagram is the engine's, its rule table names every rule used.</summary>
public class MemberDevelopmentDocTests(MemberDevelopmentWorkflow workflow) : IClassFixture<MemberDevelopmentWorkflow>
{
    private static string Doc => RepositoryFiles.Read(Path.Combine("docs", "member-development.md"));

    [Fact]
    public void The_documented_diagram_is_the_one_the_engine_draws()
    {
        var expected = "```mermaid\n" + workflow.Compiled.MermaidDiagram().TrimEnd('\n') + "\n```";
        Assert.Contains(expected, Doc.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_rule_table_names_every_rule_the_definition_uses()
    {
        var definition = workflow.Compiled.Definition;
        var used = definition.Rules.Concat(definition.Steps.Concat(definition.SideActions).SelectMany(s => s.Rules)).Select(r => r.Id).Distinct();
        Assert.All(used, id => Assert.Contains($"| `{id}` |", Doc));
    }
}
