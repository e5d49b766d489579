using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Rules;
using static PartyWorkflow.Engine.Tests.Support.RuleFixtures;

namespace PartyWorkflow.Engine.Tests.Rules;

public class TransferToAnotherBranchTests
{
    private static readonly Guid Current = Guid.Parse("00000000-0000-0000-0000-00000000f001");
    private static readonly Guid Other = Guid.Parse("00000000-0000-0000-0000-00000000f002");
    private static readonly Guid Committee = Guid.Parse("00000000-0000-0000-0000-00000000f003");

    private static RuleResult Transfer(Guid to)
    {
        var rule = new TransferToAnotherBranch();
        var registry = WithOrganizations(
            new OrganizationSnapshot(Current, "branch", Committee, false),
            new OrganizationSnapshot(Other, "general-branch", Committee, false),
            new OrganizationSnapshot(Committee, "party-committee", null, true));
        var instance = InstanceWithFacts("{}") with { OrganizationId = Current };
        return rule.Evaluate(Context(rule, $$"""{ "date": "2026-01-01", "toBranchId": "{{to}}" }""", registry, instance));
    }

    [Fact]
    public void A_transfer_to_another_branch_or_general_branch_is_allowed() => Assert.True(Transfer(Other).Met);

    [Fact]
    public void A_transfer_to_the_same_branch_is_refused()
    {
        var result = Transfer(Current);
        Assert.False(result.Met);
        Assert.Contains("already in", result.Message!.En);
    }

    [Fact]
    public void A_transfer_to_a_party_committee_is_refused()
    {
        var result = Transfer(Committee);
        Assert.False(result.Met);
        Assert.Contains("党委", result.Message!.Zh);
    }
}
