using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Engine.Tests.Support;
using static PartyWorkflow.Engine.Tests.Support.RuleFixtures;

namespace PartyWorkflow.Engine.Tests.Rules;

public class ApproverHasAuthorityTests
{
    private static readonly Guid Township = Guid.Parse("00000000-0000-0000-0000-00000000e001");
    private static readonly Guid Village = Guid.Parse("00000000-0000-0000-0000-00000000e002");
    private static readonly Guid GeneralBranch = Guid.Parse("00000000-0000-0000-0000-00000000e003");
    private static readonly Guid Branch = Guid.Parse("00000000-0000-0000-0000-00000000e004");

    private static readonly RegistrySnapshot Registry = WithOrganizations(
        new OrganizationSnapshot(Township, "party-committee", null, HasApprovalAuthority: true),
        new OrganizationSnapshot(Village, "party-committee", Township, HasApprovalAuthority: false),
        new OrganizationSnapshot(GeneralBranch, "general-branch", Township, HasApprovalAuthority: false),
        new OrganizationSnapshot(Branch, "branch", GeneralBranch, HasApprovalAuthority: false));

    private static RuleResult Approve(Guid approver, string field = "approverOrganizationId", string parameters = "{}")
    {
        var rule = new ApproverHasAuthority();
        return rule.Evaluate(Context(rule, $$"""{ "date": "2026-07-01", "decision": "approved", "{{field}}": "{{approver}}" }""", Registry, parameters: parameters));
    }

    [Fact]
    public void A_party_committee_with_approval_authority_may_approve()
    {
        Assert.True(Approve(Township).Met);
    }

    [Fact]
    public void A_general_branch_may_not_approve()
    {
        var result = Approve(GeneralBranch);

        Assert.False(result.Met);
        Assert.Contains("党总支", result.Message!.Zh);
        Assert.Contains("is a general branch", result.Message.En);
    }

    [Fact]
    public void A_branch_may_not_approve()
    {
        var result = Approve(Branch);

        Assert.False(result.Met);
        Assert.Contains("党支部", result.Message!.Zh);
        Assert.Contains("is a branch", result.Message.En);
    }

    [Fact]
    public void A_village_committee_under_a_township_committee_lacks_the_authority()
    {
        var result = Approve(Village);

        Assert.False(result.Met);
        Assert.Contains("没有审批发展党员的权限", result.Message!.Zh);
        Assert.Contains("without the authority", result.Message.En);
    }

    [Fact]
    public void An_organization_the_registry_does_not_know_is_left_to_organization_exists()
    {
        Assert.True(Approve(TestRegistry.Unknown).Met);
    }

    [Fact]
    public void The_field_is_a_parameter()
    {
        Assert.False(Approve(GeneralBranch, "approvedBy", """{ "field": "approvedBy" }""").Met);
        Assert.True(Approve(Township, "approvedBy", """{ "field": "approvedBy" }""").Met);
    }
}
