using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Rules;

public class TallyConsistentTests
{
    private static RuleResult Check(string tally) => RuleCheck.Evaluate(new TallyConsistent(), tally);

    [Fact]
    public void A_consistent_tally_passes()
    {
        var result = Check("""{ "entitled": 10, "present": 7, "yes": 5, "no": 1, "abstain": 1, "written": { "yes": 2, "no": 1, "abstain": 0, "voters": 3 } }""");

        Assert.True(result.Met);
    }

    [Fact]
    public void Negative_counts_are_refused()
    {
        var result = Check("""{ "entitled": 10, "present": 7, "yes": 5, "no": -1, "abstain": 0 }""");

        Assert.False(result.Met);
        Assert.Contains("negative", result.Message!.En);
    }

    [Fact]
    public void A_negative_written_count_is_refused()
    {
        Assert.False(Check("""{ "entitled": 10, "present": 7, "yes": 5, "no": 0, "abstain": 0, "written": { "yes": -1, "voters": -1 } }""").Met);
    }

    [Fact]
    public void More_votes_than_members_present_are_refused()
    {
        var result = Check("""{ "entitled": 10, "present": 6, "yes": 5, "no": 1, "abstain": 1 }""");

        Assert.False(result.Met);
        Assert.Contains("exceeds the 6 present", result.Message!.En);
    }

    [Fact]
    public void Written_votes_that_differ_from_the_written_voters_are_refused()
    {
        var result = Check("""{ "entitled": 10, "present": 6, "yes": 5, "no": 1, "abstain": 0, "written": { "yes": 1, "no": 0, "abstain": 0, "voters": 2 } }""");

        Assert.False(result.Met);
        Assert.Contains("1 written votes do not match 2 written voters", result.Message!.En);
    }

    [Fact]
    public void More_present_and_written_voters_than_entitled_are_refused()
    {
        var result = Check("""{ "entitled": 10, "present": 9, "yes": 9, "no": 0, "abstain": 0, "written": { "yes": 2, "no": 0, "abstain": 0, "voters": 2 } }""");

        Assert.False(result.Met);
        Assert.Contains("exceeds the 10 entitled", result.Message!.En);
    }
}
