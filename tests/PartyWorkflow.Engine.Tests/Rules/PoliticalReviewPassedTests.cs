using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Engine.Tests.Support;
using static PartyWorkflow.Engine.Tests.Support.RuleFixtures;

namespace PartyWorkflow.Engine.Tests.Rules;

public class PoliticalReviewPassedTests
{
    private static RuleResult Review(string stored) =>
        RuleCheck.Evaluate(new PoliticalReviewPassed(), """{ "date": "2026-05-10", "result": "passed" }""", InstanceWithFacts(stored));

    [Fact]
    public void A_passed_review_passes()
    {
        Assert.True(Review("""{ "political-review": { "date": "2026-04-01", "result": "passed", "conclusion": "合格" } }""").Met);
    }

    [Fact]
    public void A_failed_latest_review_is_refused_naming_its_date()
    {
        var result = Review("""{ "political-review": { "date": "2026-04-01", "result": "failed", "conclusion": "不合格" } }""");

        Assert.False(result.Met);
        Assert.Contains("2026-04-01", result.Message!.Zh);
        Assert.Contains("未通过", result.Message.Zh);
        Assert.Contains("result is failed", result.Message.En);
    }

    [Fact]
    public void Only_the_latest_of_several_reviews_counts()
    {
        Assert.True(Review("""{ "political-review": [ { "date": "2026-04-01", "result": "failed" }, { "date": "2026-04-20", "result": "passed" } ] }""").Met);
        Assert.False(Review("""{ "political-review": [ { "date": "2026-04-01", "result": "passed" }, { "date": "2026-04-20", "result": "failed" } ] }""").Met);
    }

    [Fact]
    public void Without_a_review_it_is_refused()
    {
        Assert.Contains("no political review", Review("{}").Message!.En);
    }

    [Fact]
    public void The_review_step_is_a_parameter()
    {
        var result = RuleCheck.Evaluate(new PoliticalReviewPassed(), "{}",
            InstanceWithFacts("""{ "other-review": { "date": "2026-04-01", "result": "passed" } }"""), parameters: """{ "reviewStep": "other-review" }""");

        Assert.True(result.Met);
    }

    [Fact]
    public void A_preview_judges_the_stored_review()
    {
        var rule = new PoliticalReviewPassed();
        var failed = InstanceWithFacts("""{ "political-review": { "date": "2026-04-01", "result": "failed" } }""");
        var passed = InstanceWithFacts("""{ "political-review": { "date": "2026-04-01", "result": "passed" } }""");

        Assert.False(rule.Preview(PreviewContext(rule, failed, "2026-05-01"))!.Met);
        Assert.True(rule.Preview(PreviewContext(rule, passed, "2026-05-01"))!.Met);
    }
}
