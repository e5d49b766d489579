using PartyWorkflow.Engine.Organizations;

namespace PartyWorkflow.Engine.Tests.Organizations;

/// <summary>Each size rule at its boundary: the last value that passes and the first that fails.</summary>
public sealed class SizeRulesTests
{
    private static string[] Flags(OrganizationSize size) => SizeRules.Check(size).Select(f => f.RuleId).Order().ToArray();

    [Theory]
    [InlineData(3, new string[0])]
    [InlineData(2, new[] { "kind-fits-size", "standalone-min-3-full-members" })]
    public void A_standalone_branch_needs_three_full_members(int full, string[] expected) =>
        Assert.Equal(expected, Flags(OrganizationSize.Of("branch", [full], [])));

    [Theory]
    [InlineData(new[] { 1, 2 }, new string[0])]
    [InlineData(new[] { 1, 1 }, new[] { "joint-min-3-full-members", "kind-fits-size" })]
    [InlineData(new[] { 3, 0 }, new[] { "joint-only-below-3" })]
    [InlineData(new[] { 1, 1, 1, 0, 0 }, new string[0])]
    [InlineData(new[] { 1, 1, 1, 0, 0, 0 }, new[] { "joint-2-to-5-units" })]
    [InlineData(new[] { 3 }, new[] { "joint-2-to-5-units", "joint-only-below-3" })]
    public void A_joint_branch_covers_two_to_five_units_each_below_three_with_three_together(int[] full, string[] expected) =>
        Assert.Equal(expected, Flags(OrganizationSize.Of("branch", [], full)));

    [Theory]
    [InlineData("branch", 3, 50, new string[0])]
    [InlineData("branch", 3, 51, new[] { "kind-fits-size" })]
    [InlineData("general-branch", 40, 51, new string[0])]
    [InlineData("general-branch", 40, 50, new[] { "kind-fits-size" })]
    [InlineData("party-committee", 90, 101, new string[0])]
    [InlineData("party-committee", 90, 100, new[] { "kind-fits-size" })]
    public void The_kind_fits_the_members(string kind, int full, int members, string[] expected) =>
        Assert.Equal(expected, Flags(new OrganizationSize(kind, 0, 0, 0, 0, 0, full, members)));

    [Fact]
    public void Every_flag_says_what_was_counted_in_both_languages()
    {
        var flag = Assert.Single(SizeRules.Check(new OrganizationSize("general-branch", 0, 0, 0, 0, 0, 20, 30)));
        Assert.Contains("30", flag.Zh);
        Assert.Contains("30 members", flag.En);
    }
}
