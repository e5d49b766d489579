using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Engine.Tests.Support;
using static PartyWorkflow.Engine.Tests.Support.RuleFixtures;

namespace PartyWorkflow.Engine.Tests.Rules;

public class ContactsOneOrTwoFullMembersTests
{
    private static readonly Guid Applicant = Guid.Parse("00000000-0000-0000-0000-00000000c001");
    private static readonly Guid One = Guid.Parse("00000000-0000-0000-0000-00000000c002");
    private static readonly Guid Two = Guid.Parse("00000000-0000-0000-0000-00000000c003");
    private static readonly Guid Three = Guid.Parse("00000000-0000-0000-0000-00000000c004");
    private static readonly Guid Probationary = Guid.Parse("00000000-0000-0000-0000-00000000c005");
    private static readonly Guid NoVote = Guid.Parse("00000000-0000-0000-0000-00000000c006");

    private static readonly RegistrySnapshot Registry = WithPeople(
        FullMember(One), FullMember(Two), FullMember(Three),
        new PersonSnapshot(Applicant, "none", false, TestRegistry.Branch),
        new PersonSnapshot(Probationary, "probationary", false, TestRegistry.Branch),
        new PersonSnapshot(NoVote, "full", HasVotingRights: false, TestRegistry.Branch));

    private static RuleResult Assign(params Guid[] contacts) => Assign("{}", contacts);

    private static RuleResult Assign(string parameters, params Guid[] contacts)
    {
        var rule = new ContactsOneOrTwoFullMembers();
        var facts = $$"""{ "date": "2025-03-10", "contactIds": [{{string.Join(", ", contacts.Select(c => $"\"{c}\""))}}] }""";
        return rule.Evaluate(Context(rule, facts, Registry, InstanceSnapshot.New with { SubjectId = Applicant }, parameters));
    }

    [Fact]
    public void One_or_two_full_members_with_voting_rights_qualify()
    {
        Assert.True(Assign(One).Met);
        Assert.True(Assign(One, Two).Met);
    }

    [Fact]
    public void No_contact_is_refused()
    {
        var result = Assign();

        Assert.False(result.Met);
        Assert.Contains("1 to 2 distinct contacts are required, 0 given", result.Message!.En);
        Assert.Contains("应有1至2名", result.Message.Zh);
    }

    [Fact]
    public void Three_contacts_are_refused()
    {
        Assert.Contains("3 given", Assign(One, Two, Three).Message!.En);
    }

    [Fact]
    public void The_same_contact_twice_is_refused_as_a_repetition()
    {
        var result = Assign(One, One);

        Assert.False(result.Met);
        Assert.Contains($"{One} is listed more than once", result.Message!.En);
    }

    [Fact]
    public void Probationary_members_members_without_a_vote_and_the_applicant_are_all_named_in_one_message()
    {
        var result = Assign(Probationary, NoVote);
        Assert.False(result.Met);
        Assert.Contains($"{Probationary} is a probationary member", result.Message!.En);
        Assert.Contains($"{NoVote} has no voting rights", result.Message.En);
        Assert.Contains("预备党员", result.Message.Zh);
        Assert.Contains("没有表决权", result.Message.Zh);

        Assert.Contains($"{Applicant} is the applicant", Assign(Applicant).Message!.En);
    }

    [Fact]
    public void An_id_the_registry_does_not_know_is_left_to_member_exists()
    {
        Assert.True(Assign(One, TestRegistry.Unknown).Met);
    }

    [Fact]
    public void Min_and_max_are_parameters()
    {
        Assert.False(Assign("""{ "min": 2, "max": 2 }""", One).Met);
        Assert.True(Assign("""{ "min": 1, "max": 3 }""", One, Two, Three).Met);
        Assert.NotEmpty(RuleContractCheck.ParameterProblems(new ContactsOneOrTwoFullMembers(), JsonObjects.Parse("""{ "min": 3, "max": 2 }""")));
        Assert.NotEmpty(RuleContractCheck.ParameterProblems(new ContactsOneOrTwoFullMembers(), JsonObjects.Parse("""{ "min": 0 }""")));
        Assert.Empty(RuleContractCheck.ParameterProblems(new ContactsOneOrTwoFullMembers(), JsonObjects.Parse("""{ "min": 1, "max": 2 }""")));
    }
}
