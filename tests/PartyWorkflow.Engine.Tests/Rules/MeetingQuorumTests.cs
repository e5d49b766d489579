using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Rules;

public class MeetingQuorumTests
{
    private static RuleResult Check(int entitled, int present) =>
        RuleCheck.Evaluate(new MeetingQuorum(), $$"""{ "entitled": {{entitled}}, "present": {{present}}, "yes": 0, "no": 0, "abstain": 0 }""");

    [Fact]
    public void Half_of_the_entitled_present_is_not_a_quorum()
    {
        var result = Check(entitled: 10, present: 5);

        Assert.False(result.Met);
        Assert.Contains("5 present", result.Message!.En);
        Assert.Contains("10 entitled", result.Message.En);
    }

    [Fact]
    public void More_than_half_of_the_entitled_present_is_a_quorum()
    {
        Assert.True(Check(entitled: 10, present: 6).Met);
    }

    [Fact]
    public void Written_voters_do_not_count_towards_the_quorum()
    {
        var result = RuleCheck.Evaluate(new MeetingQuorum(),
            """{ "entitled": 10, "present": 5, "yes": 5, "no": 0, "abstain": 0, "written": { "yes": 2, "no": 0, "abstain": 0, "voters": 2 } }""");

        Assert.False(result.Met);
    }
}
