using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Rules;

namespace PartyWorkflow.Engine.Tests.Support;

/// <summary>The real member-development definition, parsed and compiled once per test class (a class fixture).</summary>
public sealed class MemberDevelopmentWorkflow
{
    public WorkflowDefinition Definition { get; }
    public CompiledWorkflow Compiled { get; }

    public MemberDevelopmentWorkflow()
    {
        var (definition, errors) = NewParser().Parse("member-development.v1.json", RepositoryFiles.Read(RepositoryFiles.DefinitionPath));
        Definition = definition ?? throw new InvalidOperationException(string.Join(Environment.NewLine, errors));
        Compiled = new CompiledWorkflow(Definition);
    }

    public static DefinitionParser NewParser() =>
        DefinitionParser.FromSchemaText(RepositoryFiles.Read(RepositoryFiles.SchemaPath), RuleCatalog.Default);
}
