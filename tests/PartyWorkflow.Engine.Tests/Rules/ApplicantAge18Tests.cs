using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Rules;

public class ApplicantAge18Tests
{
    private static readonly DateOnly Birth = new(2000, 3, 15);

    private static RuleResult Check(string applicationDate, string parameters = """{ "minimumAge": 18 }""") =>
        RuleCheck.Evaluate(new ApplicantAge18(),
            $$"""{ "person": { "citizenId": "{{CitizenIds.Valid(Birth)}}" }, "applicationDate": "{{applicationDate}}" }""",
            parameters: parameters, dateFact: "applicationDate");

    [Fact]
    public void An_application_the_day_before_the_18th_birthday_is_refused_with_the_birthday_as_earliest_date()
    {
        var result = Check("2018-03-14");

        Assert.False(result.Met);
        Assert.Equal(new DateOnly(2018, 3, 15), result.EarliestDate);
        Assert.Contains("2018-03-15", result.Message!.Zh);
    }

    [Fact]
    public void An_application_on_the_18th_birthday_is_accepted()
    {
        Assert.True(Check("2018-03-15").Met);
    }

    [Fact]
    public void The_minimum_age_parameter_is_honoured()
    {
        var result = Check("2018-03-15", """{ "minimumAge": 21 }""");

        Assert.False(result.Met);
        Assert.Equal(new DateOnly(2021, 3, 15), result.EarliestDate);
        Assert.Contains("under 21", result.Message!.En);
    }

    [Fact]
    public void Without_parameters_the_minimum_age_is_18()
    {
        Assert.False(Check("2018-03-14", "{}").Met);
        Assert.True(Check("2018-03-15", "{}").Met);
    }
}
