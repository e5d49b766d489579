using PartyWorkflow.Engine.Funds;

namespace PartyWorkflow.Engine.Tests.Funds;

/// <summary>The prefecture's policy of January 2017, as the specification reads it.</summary>
public class FundsCalculatorTests
{
    private static readonly FundsPolicy Prefecture = new("990000", null, new DateOnly(2017, 1, 1),
    [
        new("start-up", "启动经费", null, FundsItem.Once, 5000, ["branch", "general-branch", "party-committee"]),
        new("activity-committee", "党委、党总支活动经费", null, FundsItem.YearlyProRata, 20000, ["party-committee", "general-branch"]),
        new("activity-branch", "党支部活动经费", null, FundsItem.YearlyProRata, 3000, ["branch"]),
        new("secretary-allowance", "书记补贴", null, FundsItem.MonthlyWithSecretary, 300, ["branch"]),
    ]);

    private static readonly DateOnly Jan2017 = new(2017, 1, 1), Dec2017 = new(2017, 12, 31);

    private static FundedOrganization Branch(DateOnly established, DateOnly? dissolved = null, string mode = "standalone", DateOnly? secretaryFrom = null) =>
        new("branch", mode, established, dissolved, [new SecretaryPeriod(secretaryFrom ?? established.AddDays(-10), dissolved)]);

    [Fact]
    public void A_branch_registered_before_the_policy_gets_no_start_up_funds_and_a_full_year()
    {
        var due = FundsCalculator.Due(Prefecture, Branch(new DateOnly(2016, 12, 1)), Jan2017, Dec2017);

        Assert.Equal(0, due["start-up"]);
        Assert.Equal(3000, due["activity-branch"]);
        Assert.Equal(3600, due["secretary-allowance"]);
        Assert.Equal(6600, due.Values.Sum());
    }

    [Fact]
    public void A_branch_registered_in_march_2017_counts_ten_months_and_its_start_up_funds()
    {
        var due = FundsCalculator.Due(Prefecture, Branch(new DateOnly(2017, 3, 1)), Jan2017, Dec2017);

        Assert.Equal(5000, due["start-up"]);
        Assert.Equal(2500, due["activity-branch"]);
        Assert.Equal(3000, due["secretary-allowance"]);
        Assert.Equal(10500, due.Values.Sum());
        Assert.Equal(6600, FundsCalculator.Due(Prefecture, Branch(new DateOnly(2017, 3, 1)), new DateOnly(2018, 1, 1), new DateOnly(2018, 12, 31)).Values.Sum());
    }

    [Fact]
    public void Nothing_falls_due_before_the_policy_or_after_the_month_of_dissolution()
    {
        Assert.Equal(0, FundsCalculator.Due(Prefecture, Branch(new DateOnly(2015, 1, 1)), new DateOnly(2016, 1, 1), new DateOnly(2016, 12, 31)).Values.Sum());

        var dissolved = FundsCalculator.Due(Prefecture, Branch(new DateOnly(2016, 1, 1), dissolved: new DateOnly(2017, 6, 15)), Jan2017, Dec2017);
        Assert.Equal(1500, dissolved["activity-branch"]);
        Assert.Equal(1800, dissolved["secretary-allowance"]);
    }

    [Fact]
    public void Affiliated_and_temporary_organizations_get_nothing_and_a_branch_without_a_secretary_no_allowance()
    {
        Assert.Equal(0, FundsCalculator.Due(Prefecture, Branch(new DateOnly(2017, 3, 1), mode: "affiliated"), Jan2017, Dec2017).Values.Sum());
        Assert.Equal(0, FundsCalculator.Due(Prefecture, Branch(new DateOnly(2017, 3, 1), mode: "functional"), Jan2017, Dec2017).Values.Sum());

        var noSecretary = FundsCalculator.Due(Prefecture, new FundedOrganization("branch", "joint", new DateOnly(2017, 3, 1), null, []), Jan2017, Dec2017);
        Assert.Equal(7500, noSecretary.Values.Sum());
        var lateSecretary = FundsCalculator.Due(Prefecture, Branch(new DateOnly(2017, 3, 1), secretaryFrom: new DateOnly(2017, 9, 20)), Jan2017, Dec2017);
        Assert.Equal(4 * 300, lateSecretary["secretary-allowance"]);
    }

    [Fact]
    public void A_party_committee_gets_its_yearly_funds_pro_rata_and_exact_over_a_year()
    {
        var committee = new FundedOrganization("party-committee", "standalone", new DateOnly(2017, 5, 10), null, []);
        var due = FundsCalculator.Due(Prefecture, committee, Jan2017, Dec2017);

        Assert.Equal(5000, due["start-up"]);
        Assert.Equal(13333.33m, due["activity-committee"]);
        Assert.Equal(0, due["activity-branch"]);
        Assert.Equal(20000, FundsCalculator.Due(Prefecture, committee, new DateOnly(2018, 1, 1), new DateOnly(2018, 12, 31))["activity-committee"]);
    }
}
