using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Engine.Tests.Support;
using static PartyWorkflow.Engine.Tests.Support.RuleFixtures;

namespace PartyWorkflow.Engine.Tests.Rules;

public class HalfYearInspectionsTests
{
    private const string Parameters = """{ "months": 6, "fromStep": "confirm-activist", "inspectionStep": "record-inspection" }""";

    /// <summary>An activist since 2025-03-01 with inspections on the given dates.</summary>
    private static InstanceSnapshot Activist(params string[] inspections) => InstanceWithFacts($$"""
        { "confirm-activist": { "date": "2025-03-01" },
          "record-inspection": [{{string.Join(", ", inspections.Select(d => $$"""{ "date": "{{d}}", "assessment": "良好" }"""))}}] }
        """);

    private static RuleResult Designate(string date, InstanceSnapshot instance) =>
        RuleCheck.Evaluate(new HalfYearInspections(), $$"""{ "date": "{{date}}" }""", instance, parameters: Parameters);

    [Fact]
    public void Before_the_first_period_is_complete_no_inspection_is_needed()
    {
        Assert.True(Designate("2025-08-31", Activist()).Met);
    }

    [Fact]
    public void Once_the_first_period_is_complete_it_needs_an_inspection_and_the_message_names_it()
    {
        var result = Designate("2025-09-01", Activist());

        Assert.False(result.Met);
        Assert.Contains("2025-03-01 至 2025-09-01", result.Message!.Zh);
        Assert.Contains("from 2025-03-01 to 2025-09-01", result.Message.En);
        Assert.Null(result.EarliestDate);
    }

    [Fact]
    public void An_inspection_on_the_last_day_of_a_period_counts_for_it()
    {
        Assert.True(Designate("2025-09-01", Activist("2025-08-31")).Met);
    }

    [Fact]
    public void An_inspection_on_the_day_the_period_ends_counts_for_it_and_not_for_the_next()
    {
        Assert.True(Designate("2025-09-01", Activist("2025-09-01")).Met);

        var result = Designate("2026-03-01", Activist("2025-09-01"));
        Assert.False(result.Met);
        Assert.Contains("from 2025-09-02 to 2026-03-01", result.Message!.En);
    }

    [Fact]
    public void Each_complete_period_needs_its_own_inspection_and_the_first_gap_is_named()
    {
        Assert.True(Designate("2026-03-01", Activist("2025-05-01", "2025-12-01")).Met);

        var result = Designate("2026-03-01", Activist("2025-05-01", "2025-06-01"));
        Assert.False(result.Met);
        Assert.Contains("from 2025-09-02 to 2026-03-01", result.Message!.En);
    }

    [Fact]
    public void A_period_still_running_on_the_action_date_is_not_judged()
    {
        // The second period, 2025-09-02 .. 2026-03-01, completes only on 2026-03-01.
        Assert.True(Designate("2026-02-28", Activist("2025-05-01")).Met);
        Assert.False(Designate("2026-03-01", Activist("2025-05-01")).Met);
    }

    [Fact]
    public void Period_boundaries_are_AddMonths_from_the_start_date()
    {
        // From 31 August: 6 months is 28 February 2026, 12 months is 31 August 2026 (not 28 August).
        var instance = InstanceWithFacts("""
            { "confirm-activist": { "date": "2025-08-31" },
              "record-inspection": [ { "date": "2025-10-01" }, { "date": "2026-08-30" } ] }
            """);

        Assert.True(Designate("2026-08-31", instance).Met);
        var result = Designate("2026-08-31", instance with { Facts = JsonObjects.Parse("""
            { "confirm-activist": { "date": "2025-08-31" }, "record-inspection": [ { "date": "2025-10-01" } ] }
            """) });
        Assert.Contains("from 2026-03-01 to 2026-08-31", result.Message!.En);
    }

    [Fact]
    public void The_months_parameter_sets_the_period()
    {
        Assert.True(RuleCheck.Evaluate(new HalfYearInspections(), """{ "date": "2025-09-01" }""", Activist(), parameters: """{ "months": 12 }""").Met);
    }

    [Theory]
    [InlineData("2025-08-31", true)]
    [InlineData("2025-09-01", false)]
    public void A_preview_judges_today(string today, bool met)
    {
        var rule = new HalfYearInspections();

        Assert.Equal(met, rule.Preview(PreviewContext(rule, Activist(), today, Parameters))!.Met);
    }

    [Fact]
    public void Months_below_one_are_a_parameter_problem()
    {
        Assert.NotEmpty(RuleContractCheck.ParameterProblems(new HalfYearInspections(), JsonObjects.Parse("""{ "months": 0 }""")));
        Assert.Empty(RuleContractCheck.ParameterProblems(new HalfYearInspections(), JsonObjects.Parse(Parameters)));
    }
}
