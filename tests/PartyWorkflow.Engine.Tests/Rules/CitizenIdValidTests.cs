using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Rules;

public class CitizenIdValidTests
{
    private static readonly DateOnly Birth = new(1990, 7, 15);

    private static RuleResult Check(string citizenId) =>
        RuleCheck.Evaluate(new CitizenIdValid(), $$"""{ "person": { "citizenId": "{{citizenId}}" } }""");

    [Fact]
    public void A_generated_id_with_the_expected_check_character_is_valid()
    {
        var id = CitizenIds.Valid(Birth);

        Assert.True(Check(id).Met);
        Assert.Null(CitizenId.Problem(id, out var birth));
        Assert.Equal(Birth, birth);
    }

    [Fact]
    public void A_lowercase_x_is_accepted_as_the_check_character_X()
    {
        var id = CitizenIds.EndingInX(Birth);

        Assert.True(Check(id.ToLowerInvariant()).Met);
    }

    [Fact]
    public void A_wrong_check_character_is_refused_naming_expected_and_actual()
    {
        var id = CitizenIds.Valid(Birth);
        var wrong = id[17] == '0' ? '1' : '0';

        var result = Check(id[..17] + wrong);

        Assert.False(result.Met);
        Assert.Contains($"expected {id[17]}, got {wrong}", result.Message!.En);
        Assert.Contains($"应为{id[17]}，实际为{wrong}", result.Message.Zh);
    }

    [Fact]
    public void An_id_of_17_characters_is_refused()
    {
        var result = Check(CitizenIds.Valid(Birth)[..17]);

        Assert.False(result.Met);
        Assert.Contains("this one has 17", result.Message!.En);
    }

    [Fact]
    public void An_impossible_birth_date_is_refused_even_with_a_correct_check_character()
    {
        var result = Check(CitizenIds.WithBirthDigits("19990230"));

        Assert.False(result.Met);
        Assert.Contains("19990230", result.Message!.En);
    }

    [Fact]
    public void Letters_among_the_first_17_characters_are_refused()
    {
        var id = CitizenIds.Valid(Birth);

        Assert.False(Check("A" + id[1..]).Met);
    }

    [Fact]
    public void A_missing_citizen_id_is_refused()
    {
        Assert.False(RuleCheck.Evaluate(new CitizenIdValid(), """{ "person": { "name": "张三" } }""").Met);
    }
}
