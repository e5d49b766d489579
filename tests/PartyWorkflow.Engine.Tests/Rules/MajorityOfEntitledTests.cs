using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Rules;

public class MajorityOfEntitledTests
{
    private static RuleResult Check(string tally) => RuleCheck.Evaluate(new MajorityOfEntitled(), tally);

    [Fact]
    public void Five_yes_of_ten_entitled_is_no_majority_even_when_it_is_a_majority_of_those_present()
    {
        var result = Check("""{ "entitled": 10, "present": 6, "yes": 5, "no": 1, "abstain": 0 }""");

        Assert.False(result.Met);
        Assert.Contains("5 yes votes", result.Message!.En);
        Assert.Contains("10 entitled", result.Message.En);
    }

    [Fact]
    public void Six_yes_of_ten_entitled_is_a_majority()
    {
        Assert.True(Check("""{ "entitled": 10, "present": 6, "yes": 6, "no": 0, "abstain": 0 }""").Met);
    }

    [Fact]
    public void Written_yes_votes_count_towards_the_majority()
    {
        Assert.True(Check("""{ "entitled": 10, "present": 6, "yes": 5, "no": 1, "abstain": 0, "written": { "yes": 1, "no": 0, "abstain": 0, "voters": 1 } }""").Met);
    }
}
