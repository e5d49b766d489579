using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Execution;

public class InvalidFactsTests(MemberDevelopmentWorkflow workflow) : IClassFixture<MemberDevelopmentWorkflow>
{
    private static readonly string Talker = TestRegistry.Secretary.ToString();

    private IReadOnlyDictionary<string, string[]> ErrorsOfInitialTalk(string facts, string? role = null) =>
        Assert.IsType<InvalidFacts>(new Journey(workflow.Compiled).Through("submit-application").Try("initial-talk", facts, role)).Errors;

    [Fact]
    public void A_missing_date_is_named()
    {
        var errors = ErrorsOfInitialTalk($$"""{ "talkerId": "{{Talker}}", "notes": "谈话" }""");

        Assert.Equal(["is required"], Assert.Single(errors, e => e.Key == "date").Value);
    }

    [Fact]
    public void An_impossible_date_is_named()
    {
        var errors = ErrorsOfInitialTalk($$"""{ "date": "2025-13-01", "talkerId": "{{Talker}}", "notes": "谈话" }""");

        Assert.Equal("date", Assert.Single(errors).Key);
    }

    [Fact]
    public void An_unknown_field_is_named()
    {
        var errors = ErrorsOfInitialTalk($$"""{ "date": "2025-01-20", "talkerId": "{{Talker}}", "notes": "谈话", "colour": "red" }""");

        Assert.Contains("unknown field", Assert.Single(errors, e => e.Key == "colour").Value[0]);
    }

    [Fact]
    public void An_actor_the_step_does_not_list_is_named()
    {
        var errors = ErrorsOfInitialTalk($$"""{ "date": "2025-01-20", "talkerId": "{{Talker}}", "notes": "谈话" }""", role: "party-committee");

        Assert.Contains("party-committee", Assert.Single(errors, e => e.Key == "actorRole").Value[0]);
    }

    [Fact]
    public void Every_malformed_field_is_named_at_once()
    {
        var errors = ErrorsOfInitialTalk("""{ "date": "yesterday", "talkerId": "Li Si" }""");

        Assert.Equal(["date", "notes", "talkerId"], errors.Keys.Order());
    }
}
