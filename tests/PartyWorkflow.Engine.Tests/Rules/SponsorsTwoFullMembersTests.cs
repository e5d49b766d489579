using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Engine.Tests.Support;
using static PartyWorkflow.Engine.Tests.Support.RuleFixtures;

namespace PartyWorkflow.Engine.Tests.Rules;

public class SponsorsTwoFullMembersTests
{
    private static readonly Guid Applicant = Guid.Parse("00000000-0000-0000-0000-00000000d001");
    private static readonly Guid One = Guid.Parse("00000000-0000-0000-0000-00000000d002");
    private static readonly Guid Two = Guid.Parse("00000000-0000-0000-0000-00000000d003");
    private static readonly Guid Three = Guid.Parse("00000000-0000-0000-0000-00000000d004");
    private static readonly Guid Probationary = Guid.Parse("00000000-0000-0000-0000-00000000d005");
    private static readonly Guid UnderDiscipline = Guid.Parse("00000000-0000-0000-0000-00000000d006");
    private static readonly Guid NoVote = Guid.Parse("00000000-0000-0000-0000-00000000d007");

    private static readonly RegistrySnapshot Registry = WithPeople(
        FullMember(One), FullMember(Two), FullMember(Three),
        new PersonSnapshot(Applicant, "none", false, TestRegistry.Branch),
        new PersonSnapshot(Probationary, "probationary", false, TestRegistry.Branch),
        new PersonSnapshot(UnderDiscipline, "full", HasVotingRights: true, TestRegistry.Branch, UnderProbationaryDiscipline: true),
        new PersonSnapshot(NoVote, "full", HasVotingRights: false, TestRegistry.Branch));

    private static RuleResult Assign(params Guid[] sponsors) => Assign("{}", sponsors);

    private static RuleResult Assign(string parameters, params Guid[] sponsors)
    {
        var rule = new SponsorsTwoFullMembers();
        var facts = $$"""{ "date": "2026-03-10", "sponsorIds": [{{string.Join(", ", sponsors.Select(c => $"\"{c}\""))}}] }""";
        return rule.Evaluate(Context(rule, facts, Registry, InstanceSnapshot.New with { SubjectId = Applicant }, parameters));
    }

    [Fact]
    public void Two_distinct_full_members_qualify()
    {
        Assert.True(Assign(One, Two).Met);
    }

    [Fact]
    public void One_sponsor_is_refused()
    {
        var result = Assign(One);

        Assert.False(result.Met);
        Assert.Contains("exactly 2 distinct sponsors are required, 1 given", result.Message!.En);
        Assert.Contains("应有2名", result.Message.Zh);
    }

    [Fact]
    public void Three_sponsors_are_refused()
    {
        Assert.False(Assign(One, Two, Three).Met);
    }

    [Fact]
    public void The_same_sponsor_twice_is_refused()
    {
        var result = Assign(One, One);

        Assert.False(result.Met);
        Assert.Contains("listed more than once", result.Message!.En);
        Assert.Contains("1 given", result.Message.En);
    }

    [Fact]
    public void A_member_under_probationary_discipline_may_not_sponsor()
    {
        var result = Assign(One, UnderDiscipline);

        Assert.False(result.Met);
        Assert.Contains("留党察看", result.Message!.Zh);
        Assert.Contains($"{UnderDiscipline} is under probationary discipline", result.Message.En);
    }

    [Fact]
    public void Probationary_members_members_without_a_vote_and_the_applicant_may_not_sponsor()
    {
        Assert.Contains($"{Probationary} is a probationary member", Assign(One, Probationary).Message!.En);
        Assert.Contains($"{NoVote} has no voting rights", Assign(One, NoVote).Message!.En);
        Assert.Contains($"{Applicant} is the applicant", Assign(One, Applicant).Message!.En);
    }

    [Fact]
    public void Every_problem_is_named_in_the_one_message()
    {
        var message = Assign(Probationary, UnderDiscipline, Applicant).Message!.En;

        Assert.Contains("3 given", message);
        Assert.Contains(Probationary.ToString(), message);
        Assert.Contains(UnderDiscipline.ToString(), message);
        Assert.Contains(Applicant.ToString(), message);
    }

    [Fact]
    public void An_id_the_registry_does_not_know_is_left_to_member_exists()
    {
        Assert.True(Assign(One, TestRegistry.Unknown).Met);
    }

    [Fact]
    public void The_count_is_a_parameter()
    {
        Assert.True(Assign("""{ "count": 3 }""", One, Two, Three).Met);
        Assert.NotEmpty(RuleContractCheck.ParameterProblems(new SponsorsTwoFullMembers(), JsonObjects.Parse("""{ "count": 0 }""")));
        Assert.Empty(RuleContractCheck.ParameterProblems(new SponsorsTwoFullMembers(), JsonObjects.Parse("""{ "count": 2 }""")));
    }
}
