using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Engine.Tests.Support;
using static PartyWorkflow.Engine.Tests.Support.RuleFixtures;

namespace PartyWorkflow.Engine.Tests.Rules;

public class MaterialsCompleteTests
{
    private const string Parameters = """{ "checklist": "admission" }""";

    private static InstanceSnapshot OnFile(params string[] documents) => InstanceSnapshot.New with { Documents = documents.ToHashSet() };

    private static RuleResult Review(InstanceSnapshot instance, string parameters = Parameters) =>
        RuleCheck.Evaluate(new MaterialsComplete(), """{ "date": "2026-05-10", "result": "passed" }""", instance, parameters: parameters);

    [Fact]
    public void Every_listed_document_on_file_passes()
    {
        Assert.True(Review(OnFile("application-letter", "talk-record", "political-review-conclusion", "thought-report")).Met);
    }

    [Fact]
    public void One_document_missing_is_refused_naming_it()
    {
        var result = Review(OnFile("application-letter", "talk-record"));

        Assert.False(result.Met);
        Assert.Contains("缺少1份：political-review-conclusion", result.Message!.Zh);
        Assert.Contains("1 missing: political-review-conclusion", result.Message.En);
    }

    [Fact]
    public void Every_missing_document_is_listed()
    {
        var result = Review(OnFile("talk-record"));

        Assert.Contains("2 missing: application-letter, political-review-conclusion", result.Message!.En);
    }

    [Fact]
    public void A_preview_judges_the_documents_on_file()
    {
        var rule = new MaterialsComplete();

        Assert.False(rule.Preview(PreviewContext(rule, OnFile("talk-record"), "2026-05-01", Parameters))!.Met);
        Assert.True(rule.Preview(PreviewContext(rule, OnFile("application-letter", "talk-record", "political-review-conclusion"), "2026-05-01", Parameters))!.Met);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{ "checklist": 3 }""")]
    [InlineData("""{ "checklist": "" }""")]
    [InlineData("""{ "documents": ["application-letter"] }""")]
    public void The_checklist_must_be_named(string parameters)
    {
        Assert.NotEmpty(RuleContractCheck.ParameterProblems(new MaterialsComplete(), JsonObjects.Parse(parameters)));
    }

    [Fact]
    public void A_named_checklist_is_no_parameter_problem()
    {
        Assert.Empty(RuleContractCheck.ParameterProblems(new MaterialsComplete(), JsonObjects.Parse(Parameters)));
    }
}
