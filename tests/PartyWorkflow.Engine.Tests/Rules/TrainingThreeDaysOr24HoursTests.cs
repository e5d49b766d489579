using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Engine.Tests.Support;
using static PartyWorkflow.Engine.Tests.Support.RuleFixtures;

namespace PartyWorkflow.Engine.Tests.Rules;

public class TrainingThreeDaysOr24HoursTests
{
    private static RuleResult Review(string stored, string parameters = "{}") =>
        RuleCheck.Evaluate(new TrainingThreeDaysOr24Hours(), """{ "date": "2026-05-10", "result": "passed" }""", InstanceWithFacts(stored), parameters: parameters);

    private static string Training(int days, int hours) =>
        $$"""{ "complete-training": { "date": "2026-05-01", "days": {{days}}, "classHours": {{hours}} } }""";

    [Fact]
    public void Two_days_and_23_hours_are_refused_naming_the_totals()
    {
        var result = Review(Training(2, 23));

        Assert.False(result.Met);
        Assert.Contains("共2天、23学时", result.Message!.Zh);
        Assert.Contains("3天或24学时", result.Message.Zh);
        Assert.Contains("2 day(s) and 23 class hour(s)", result.Message.En);
    }

    [Fact]
    public void Three_days_are_enough_whatever_the_hours()
    {
        Assert.True(Review(Training(3, 0)).Met);
    }

    [Fact]
    public void Twenty_four_hours_are_enough_whatever_the_days()
    {
        Assert.True(Review(Training(0, 24)).Met);
    }

    [Fact]
    public void Attendance_records_add_to_the_training()
    {
        const string attendance = """
            "record-training-attendance": [ { "date": "2026-03-01", "days": 0, "classHours": 8 }, { "date": "2026-04-01", "days": 1, "classHours": 0 } ]
            """;

        Assert.True(Review($$"""{ "complete-training": { "date": "2026-05-01", "days": 1, "classHours": 16 }, {{attendance}} }""").Met);
        Assert.False(Review($$"""{ "complete-training": { "date": "2026-05-01", "days": 1, "classHours": 0 }, {{attendance}} }""").Met);
        Assert.False(Review($$"""{ "complete-training": { "date": "2026-05-01", "days": 1, "classHours": 15 }, {{attendance}} }""").Met);
        Assert.True(Review($$"""{ "complete-training": { "date": "2026-05-01", "days": 2, "classHours": 0 }, {{attendance}} }""").Met);
    }

    [Fact]
    public void Attendance_alone_counts_when_there_is_no_training_step()
    {
        Assert.True(Review("""{ "record-training-attendance": [ { "days": 1, "classHours": 12 }, { "days": 1, "classHours": 12 } ] }""").Met);
    }

    [Fact]
    public void Without_any_training_it_is_refused()
    {
        Assert.Contains("0 day(s) and 0 class hour(s)", Review("{}").Message!.En);
    }

    [Fact]
    public void Thresholds_are_parameters()
    {
        Assert.False(Review(Training(3, 24), """{ "days": 4, "classHours": 32 }""").Met);
        Assert.True(Review(Training(3, 32), """{ "days": 4, "classHours": 32 }""").Met);
        Assert.NotEmpty(RuleContractCheck.ParameterProblems(new TrainingThreeDaysOr24Hours(), JsonObjects.Parse("""{ "classHours": 0 }""")));
        Assert.Empty(RuleContractCheck.ParameterProblems(new TrainingThreeDaysOr24Hours(), JsonObjects.Parse("""{ "days": 3, "classHours": 24 }""")));
    }

    [Fact]
    public void A_preview_judges_the_stored_training()
    {
        var rule = new TrainingThreeDaysOr24Hours();

        Assert.False(rule.Preview(PreviewContext(rule, InstanceWithFacts(Training(2, 23)), "2026-05-05"))!.Met);
        Assert.True(rule.Preview(PreviewContext(rule, InstanceWithFacts(Training(3, 24)), "2026-05-05"))!.Met);
    }
}
