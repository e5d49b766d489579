using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Execution;

public class RefusalTests(MemberDevelopmentWorkflow workflow) : IClassFixture<MemberDevelopmentWorkflow>
{
    private static IEnumerable<string> RuleIds(Decision decision) => Assert.IsType<Refused>(decision).UnmetRules.Select(r => r.RuleId);

    [Fact]
    public void A_talker_who_is_not_in_the_registry_is_refused_as_an_unknown_member()
    {
        var journey = new Journey(workflow.Compiled).Through("submit-application");

        var refused = Assert.IsType<Refused>(journey.Try("initial-talk", $$"""{ "date": "2025-01-20", "talkerId": "{{TestRegistry.Unknown}}", "notes": "谈话" }"""));

        var unmet = Assert.Single(refused.UnmetRules);
        Assert.Equal("member-exists", unmet.RuleId);
        Assert.Contains("talkerId", unmet.Message.En);
    }

    [Fact]
    public void Unknown_contacts_are_named_by_their_place_in_the_list()
    {
        var journey = new Journey(workflow.Compiled).Through("file-activist-record");

        var refused = Assert.IsType<Refused>(journey.Try("assign-contacts",
            $$"""{ "date": "2025-03-10", "contactIds": ["{{TestRegistry.ContactOne}}", "{{TestRegistry.Unknown}}"] }"""));

        Assert.StartsWith("contactIds[1]:", Assert.Single(refused.UnmetRules, r => r.RuleId == "member-exists").Message.En);
    }

    [Fact]
    public void An_unknown_branch_is_refused_together_with_the_other_unmet_rules()
    {
        var facts = HappyPath.Actions[0].Facts
            .Replace(TestRegistry.Branch.ToString(), TestRegistry.Unknown.ToString())
            .Replace(CitizenIds.Valid(HappyPath.Birth), CitizenIds.Valid(HappyPath.Birth)[..17] + "Z");

        var decision = new Journey(workflow.Compiled).Try("submit-application", facts);

        Assert.Equal(["citizen-id-valid", "organization-exists"], RuleIds(decision).Order());
    }

    [Fact]
    public void A_meeting_without_quorum_and_with_too_many_votes_is_refused_for_both_at_once()
    {
        var journey = new Journey(workflow.Compiled).Through("fill-application-form");

        var decision = journey.Try("branch-meeting-admission",
            """{ "date": "2026-06-10", "entitled": 10, "present": 5, "yes": 4, "no": 1, "abstain": 1 }""");

        Assert.Equal(["meeting-quorum", "tally-consistent"], RuleIds(decision).Order());
    }

    [Fact]
    public void Designation_is_refused_before_one_year_of_training()
    {
        var journey = new Journey(workflow.Compiled).Through("record-thought-report");

        var refused = Assert.IsType<Refused>(journey.Try("designate-development-target", """{ "date": "2026-02-28", "opinionsHeard": ["members"] }"""));

        var unmet = Assert.Single(refused.UnmetRules);
        Assert.Equal(("activist-training-one-year", new DateOnly(2026, 3, 1)), (unmet.RuleId, unmet.EarliestDate));
    }

    [Fact]
    public void An_applicant_under_18_is_refused_with_the_birthday_as_earliest_date()
    {
        var journey = new Journey(workflow.Compiled);
        var facts = HappyPath.Actions[0].Facts
            .Replace(CitizenIds.Valid(HappyPath.Birth), CitizenIds.Valid(new DateOnly(2007, 1, 11)));

        var unmet = Assert.Single(Assert.IsType<Refused>(journey.Try("submit-application", facts)).UnmetRules);

        Assert.Equal(("applicant-age-18", new DateOnly(2025, 1, 11)), (unmet.RuleId, unmet.EarliestDate));
    }

    [Fact]
    public void A_date_before_the_previous_step_is_refused()
    {
        var journey = new Journey(workflow.Compiled).Through("initial-talk");

        var decision = journey.Try("confirm-activist", """{ "date": "2025-01-19", "recommendationMethod": "member-recommendation" }""");

        Assert.Equal(["date-order"], RuleIds(decision));
    }

    [Fact]
    public void A_refused_action_leaves_the_instance_as_it_was()
    {
        var journey = new Journey(workflow.Compiled).Through("submit-application");
        var before = journey.Instance;

        journey.Try("initial-talk", $$"""{ "date": "2025-01-20", "talkerId": "{{TestRegistry.Unknown}}", "notes": "谈话" }""");

        Assert.Same(before, journey.Instance);
        Assert.Equal("submit-application", journey.State);
    }
}
