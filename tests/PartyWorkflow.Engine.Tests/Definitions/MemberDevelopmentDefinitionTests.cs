using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Definitions;

public class MemberDevelopmentDefinitionTests(MemberDevelopmentWorkflow workflow) : IClassFixture<MemberDevelopmentWorkflow>
{
    private static readonly string[] SpecStepIds =
    [
        "submit-application", "initial-talk",
        "confirm-activist", "file-activist-record", "assign-contacts", "record-inspection",
        "designate-development-target", "file-target-record", "assign-sponsors", "political-review", "complete-training",
        "branch-committee-review", "pre-review", "fill-application-form", "branch-meeting-admission", "committee-talk",
        "committee-approval", "file-with-organization-department",
        "assign-to-group", "take-oath", "record-probation-inspection", "apply-for-full-membership",
        "branch-meeting-confirmation", "committee-approval-confirmation", "archive-materials",
    ];

    [Fact]
    public void The_shipped_definition_parses_without_errors()
    {
        var (definition, errors) = MemberDevelopmentWorkflow.NewParser()
            .Parse("member-development.v1.json", RepositoryFiles.Read(RepositoryFiles.DefinitionPath));

        Assert.Empty(errors);
        Assert.NotNull(definition);
        Assert.Equal("member-development", definition.DefinitionId);
        Assert.Equal(1, definition.Version);
    }

    [Fact]
    public void The_definition_has_the_five_stages_of_the_spec_in_order()
    {
        var stages = workflow.Definition.Stages.Select(s => s.Id);

        Assert.Equal(["application", "activist", "development-target", "admission", "probation"], stages);
    }

    [Fact]
    public void The_numbered_steps_are_the_25_steps_of_the_spec_in_order()
    {
        var numbered = workflow.Definition.Steps.Where(s => s.Number is not null).ToList();

        Assert.Equal(Enumerable.Range(1, 25), numbered.Select(s => s.Number!.Value));
        Assert.Equal(SpecStepIds, numbered.Select(s => s.Id));
    }

    [Fact]
    public void The_thought_report_is_a_repeating_record_without_a_number()
    {
        var thoughtReport = Assert.Single(workflow.Definition.Steps, s => s.Id == "record-thought-report");

        Assert.Null(thoughtReport.Number);
        Assert.True(thoughtReport.Repeats);
    }

    [Fact]
    public void Withdraw_and_transfer_are_side_actions()
    {
        Assert.Equal(["withdraw", "transfer"], workflow.Definition.SideActions.Select(a => a.Id));
    }
}
