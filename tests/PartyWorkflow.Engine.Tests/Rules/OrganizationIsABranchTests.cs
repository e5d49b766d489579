using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Rules;
using static PartyWorkflow.Engine.Tests.Support.RuleFixtures;

namespace PartyWorkflow.Engine.Tests.Rules;

public class OrganizationIsABranchTests
{
    private static readonly Guid Branch = Guid.Parse("00000000-0000-0000-0000-00000000a101");
    private static readonly Guid Committee = Guid.Parse("00000000-0000-0000-0000-00000000a102");

    private static RuleResult Apply(Guid to)
    {
        var rule = new OrganizationIsABranch();
        var registry = WithOrganizations(new OrganizationSnapshot(Branch, "branch", Committee, false), new OrganizationSnapshot(Committee, "party-committee", null, true));
        return rule.Evaluate(Context(rule, $$"""{ "applicationDate": "2026-01-01", "branchId": "{{to}}" }""", registry));
    }

    [Fact]
    public void An_application_to_a_branch_passes() => Assert.True(Apply(Branch).Met);

    [Fact]
    public void An_application_to_a_party_committee_is_refused()
    {
        var result = Apply(Committee);
        Assert.False(result.Met);
        Assert.Contains("党支部", result.Message!.Zh);
    }
}
