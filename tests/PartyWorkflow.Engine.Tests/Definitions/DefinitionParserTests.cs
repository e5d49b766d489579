using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Definitions;

public class DefinitionParserTests
{
    [Fact]
    public void A_parser_can_be_built_from_the_same_schema_more_than_once_in_a_process()
    {
        // A host started twice in one process (tests, a reload) loads the catalog twice; the schema's
        // $id must not clash with the one registered the first time.
        var schema = RepositoryFiles.Read(RepositoryFiles.SchemaPath);
        var definition = RepositoryFiles.Read(RepositoryFiles.DefinitionPath);

        var first = DefinitionParser.FromSchemaText(schema, RuleCatalog.Default);
        Assert.Empty(first.Parse("a.json", definition).Errors);

        var second = DefinitionParser.FromSchemaText(schema, RuleCatalog.Default);
        Assert.Empty(second.Parse("b.json", definition).Errors);
    }

    [Theory]
    [InlineData("/stages/0/steps/1/number", "$.stages[0].steps[1].number")]
    [InlineData("", "$")]
    [InlineData("/a~1b/c~0d", "$.a/b.c~d")]
    public void Json_pointers_become_json_paths(string pointer, string path)
    {
        Assert.Equal(path, SchemaCheck.ToJsonPath(pointer));
    }
}
