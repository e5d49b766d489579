using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Dates;
using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Rules;

public class PublicityFiveWorkingDaysTests
{
    // A made-up 2030: Tuesday 1 to Thursday 3 October are holidays, Sunday 29 September is worked (调休).
    private static readonly WorkingDayCalendar Calendar = new(
    [
        new CalendarYear(2030, [new(2030, 10, 1), new(2030, 10, 2), new(2030, 10, 3)], [new(2030, 9, 29)]),
    ]);

    private static RuleResult Review(string start, string end, string review = "2030-11-01", string parameters = """{ "workingDays": 5 }""", WorkingDayCalendar? calendar = null) =>
        RuleCheck.Evaluate(new PublicityFiveWorkingDays(calendar ?? Calendar),
            $$"""{ "date": "{{review}}", "result": "passed", "publicityStart": "{{start}}", "publicityEnd": "{{end}}" }""",
            parameters: parameters);

    [Fact]
    public void Monday_to_Friday_is_five_working_days()
    {
        Assert.True(Review("2030-09-09", "2030-09-13").Met);
    }

    [Fact]
    public void Monday_to_Thursday_is_refused_naming_the_count()
    {
        var result = Review("2030-09-09", "2030-09-12");

        Assert.False(result.Met);
        Assert.Contains("公示不足5个工作日", result.Message!.Zh);
        Assert.Contains("只有4个工作日", result.Message.Zh);
        Assert.Contains("has 4", result.Message.En);
    }

    [Fact]
    public void Weekday_holidays_do_not_count_and_a_make_up_Sunday_does()
    {
        // Fri 27, Sun 29 (调休), Mon 30 September; 1–3 October holidays; Fri 4, Mon 7 October: 5 working days.
        Assert.True(Review("2030-09-27", "2030-10-07").Met);
        // Without Monday 7 October only 4.
        Assert.False(Review("2030-09-27", "2030-10-06").Met);
    }

    [Fact]
    public void The_publicity_must_end_before_the_review()
    {
        var result = Review("2030-09-09", "2030-09-16", review: "2030-09-16");
        Assert.False(result.Met);
        Assert.Contains("must end before the review", result.Message!.En);

        Assert.True(Review("2030-09-09", "2030-09-16", review: "2030-09-17").Met);
    }

    [Fact]
    public void A_publicity_that_ends_before_it_starts_is_refused()
    {
        Assert.Contains("starts after it ends", Review("2030-09-13", "2030-09-09").Message!.En);
    }

    [Fact]
    public void Missing_publicity_dates_are_refused()
    {
        var result = RuleCheck.Evaluate(new PublicityFiveWorkingDays(Calendar), """{ "date": "2030-11-01", "result": "passed", "publicityStart": "2030-09-09" }""");

        Assert.False(result.Met);
        Assert.Contains("publicityEnd", result.Message!.En);
    }

    [Fact]
    public void A_year_without_a_calendar_is_refused_never_guessed()
    {
        var result = Review("2027-03-01", "2027-03-05", review: "2027-03-10");

        Assert.False(result.Met);
        Assert.Contains("缺少2027年的工作日历", result.Message!.Zh);
        Assert.Contains("no working-day calendar for 2027", result.Message.En);
    }

    [Fact]
    public void Every_year_the_span_touches_needs_a_calendar()
    {
        var result = Review("2030-12-27", "2031-01-03", review: "2031-01-10");

        Assert.False(result.Met);
        Assert.Contains("no working-day calendar for 2031", result.Message!.En);
    }

    [Fact]
    public void The_number_of_working_days_is_a_parameter()
    {
        Assert.False(Review("2030-09-09", "2030-09-13", parameters: """{ "workingDays": 7 }""").Met);
        Assert.True(Review("2030-09-09", "2030-09-17", parameters: """{ "workingDays": 7 }""").Met);
        Assert.NotEmpty(RuleContractCheck.ParameterProblems(new PublicityFiveWorkingDays(Calendar), JsonObjects.Parse("""{ "workingDays": 0 }""")));
        Assert.Empty(RuleContractCheck.ParameterProblems(new PublicityFiveWorkingDays(Calendar), JsonObjects.Parse("""{ "workingDays": 5 }""")));
    }
}
