using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Execution;

public class NextActionsTests(MemberDevelopmentWorkflow workflow) : IClassFixture<MemberDevelopmentWorkflow>
{
    [Fact]
    public void Designation_shows_the_unmet_training_year_and_the_date_it_can_pass()
    {
        var journey = new Journey(workflow.Compiled).Through("assign-contacts");

        var next = journey.Engine.NextActions(workflow.Compiled, journey.Instance, new DateOnly(2025, 6, 1));

        var designation = Assert.Single(next, n => n.Step.Id == "designate-development-target");
        var failing = Assert.Single(designation.FailingRules);
        Assert.Equal(("activist-training-one-year", new DateOnly(2026, 3, 1)), (failing.RuleId, failing.EarliestDate));
        Assert.Contains("最早可于 2026-03-01", failing.Message.Zh);
    }

    [Fact]
    public void Once_the_training_year_is_complete_and_inspected_designation_fails_nothing()
    {
        var journey = new Journey(workflow.Compiled).Through("record-inspection");
        journey.Take("record-inspection", """{ "date": "2026-02-01", "assessment": "良好" }""");

        var next = journey.Engine.NextActions(workflow.Compiled, journey.Instance, new DateOnly(2026, 3, 1));

        Assert.Empty(Assert.Single(next, n => n.Step.Id == "designate-development-target").FailingRules);
    }

    [Fact]
    public void Without_half_year_inspections_designation_still_fails_after_the_training_year()
    {
        var journey = new Journey(workflow.Compiled).Through("assign-contacts");

        var next = journey.Engine.NextActions(workflow.Compiled, journey.Instance, new DateOnly(2026, 3, 1));

        var failing = Assert.Single(next, n => n.Step.Id == "designate-development-target").FailingRules;
        Assert.Equal(["half-year-inspections"], failing.Select(f => f.RuleId));
    }

    [Fact]
    public void The_next_actions_are_those_the_state_permits()
    {
        var journey = new Journey(workflow.Compiled).Through("assign-contacts");

        var next = journey.Engine.NextActions(workflow.Compiled, journey.Instance, new DateOnly(2025, 6, 1));

        Assert.Equal(
            ["designate-development-target", "record-inspection", "record-thought-report", "transfer", "withdraw"],
            next.Select(n => n.Step.Id).Order());
    }
}
