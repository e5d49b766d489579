using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Execution;

public class PermittedActionsTests(MemberDevelopmentWorkflow workflow) : IClassFixture<MemberDevelopmentWorkflow>
{
    private Journey NewJourney() => new(workflow.Compiled);

    [Fact]
    public void A_new_instance_permits_only_the_application()
    {
        Assert.Equal(["submit-application"], workflow.Compiled.PermittedActions(CompiledWorkflow.NewState));
    }

    [Fact]
    public void An_action_out_of_sequence_is_not_permitted()
    {
        var decision = NewJourney().Try("initial-talk", """{ "date": "2025-01-20", "notes": "x" }""");

        Assert.Equal(new NotPermitted("new", "initial-talk"), decision);
    }

    [Fact]
    public void An_action_the_workflow_does_not_have_is_unknown()
    {
        Assert.Equal(new UnknownAction("promote-to-secretary"), NewJourney().Try("promote-to-secretary", "{}"));
    }

    [Fact]
    public void Inspections_and_thought_reports_are_permitted_from_the_contacts_until_the_admission_meeting()
    {
        var compiled = workflow.Compiled;

        Assert.False(compiled.IsPermitted("file-activist-record", "record-inspection"));
        Assert.True(compiled.IsPermitted("assign-contacts", "record-inspection"));
        Assert.True(compiled.IsPermitted("fill-application-form", "record-thought-report"));
        Assert.False(compiled.IsPermitted("branch-meeting-admission", "record-inspection"));
        Assert.True(compiled.IsPermitted("take-oath", "record-thought-report"));
    }

    [Fact]
    public void Withdrawal_is_permitted_until_admission_is_approved()
    {
        Assert.True(workflow.Compiled.IsPermitted("submit-application", "withdraw"));
        Assert.True(workflow.Compiled.IsPermitted("committee-talk", "withdraw"));
        Assert.False(workflow.Compiled.IsPermitted("committee-approval", "withdraw"));
    }

    [Fact]
    public void End_states_permit_nothing()
    {
        Assert.Empty(workflow.Compiled.PermittedActions("full-member"));
        Assert.Empty(workflow.Compiled.PermittedActions("withdrawn"));
    }

    [Fact]
    public void The_mermaid_diagram_is_a_state_diagram_naming_the_states()
    {
        var diagram = workflow.Compiled.MermaidDiagram();

        Assert.Contains("stateDiagram", diagram);
        Assert.Contains("submit-application", diagram);
        Assert.Contains("branch-meeting-admission", diagram);
        Assert.Contains("full-member", diagram);
    }
}
