using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PartyWorkflow.Api.Tests.Infrastructure;

namespace PartyWorkflow.Api.Tests;

/// <summary>Bad input is turned away with 400 (malformed) or 422 (a rule), naming the field or rule, and writes nothing.</summary>
public sealed class BadInputTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private static JsonObject Sponsors(params Guid[] ids) => new() { ["sponsorIds"] = new JsonArray(ids.Select(id => (JsonNode)id.ToString()).ToArray()) };

    private static JsonObject Contacts(params Guid[] ids) => new() { ["contactIds"] = new JsonArray(ids.Select(id => (JsonNode)id.ToString()).ToArray()) };

    [Fact]
    public async Task Sponsors_must_be_two_distinct_full_members_in_good_standing_other_than_the_applicant()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.StartAsync("file-target-record");
        var applicant = await unit.PersonIdAsync(instance);
        var probationary = await fixture.Api.CreateMemberAsync(unit.Branch, "probationary", "预备党员");
        var disciplined = unit.Members[5];
        var patched = await ApiClient.ExpectAsync(
            await fixture.Api.Client.PatchAsJsonAsync($"/api/members/{disciplined}", new { onDisciplinaryProbation = true }), HttpStatusCode.OK);
        Assert.True(patched["onDisciplinaryProbation"]!.GetValue<bool>());
        Assert.False(patched["hasVotingRights"]!.GetValue<bool>());

        const string date = "2024-07-06";
        Assert.Equal(["sponsors-two-full-members"], await unit.RefusedAsync(instance, "assign-sponsors", date, Sponsors(unit.Members[1], unit.Members[1])));
        Assert.Equal(["sponsors-two-full-members"], await unit.RefusedAsync(instance, "assign-sponsors", date, Sponsors(unit.Members[1], probationary)));
        Assert.Equal(["sponsors-two-full-members"], await unit.RefusedAsync(instance, "assign-sponsors", date, Sponsors(unit.Members[1], applicant)));
        Assert.Equal(["sponsors-two-full-members"], await unit.RefusedAsync(instance, "assign-sponsors", date, Sponsors(unit.Members[1], disciplined)));
        Assert.Equal(["sponsors-two-full-members"], await unit.RefusedAsync(instance, "assign-sponsors", date, Sponsors(unit.Members[1])));
        Assert.Equal(["sponsors-two-full-members"], await unit.RefusedAsync(instance, "assign-sponsors", date, Sponsors(unit.Members[1], unit.Members[2], unit.Members[3])));

        var accepted = await unit.ActAsync(instance, "assign-sponsors", date, Sponsors(unit.Members[1], unit.Members[2]));
        Assert.Equal("assign-sponsors", accepted["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_sponsor_refusal_names_what_is_wrong_with_each_sponsor()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.StartAsync("file-target-record");
        var applicant = await unit.PersonIdAsync(instance);

        var body = await unit.ExpectNothingWrittenAsync(instance, HttpStatusCode.UnprocessableEntity,
            () => unit.SendAsync(instance, "assign-sponsors", "2024-07-06", Sponsors(applicant, unit.Members[1])));
        var rule = Assert.Single(body["unmetRules"]!.AsArray())!;
        Assert.Equal("sponsors-two-full-members", rule["ruleId"]!.GetValue<string>());
        Assert.Contains(applicant.ToString(), rule["message"]!["en"]!.GetValue<string>());
        Assert.Contains("applicant", rule["message"]!["en"]!.GetValue<string>());
        Assert.Contains("申请人", rule["message"]!["zh"]!.GetValue<string>());
    }

    [Fact]
    public async Task Training_contacts_are_one_or_two_full_members()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.StartAsync("file-activist-record");
        var probationary = await fixture.Api.CreateMemberAsync(unit.Branch, "probationary", "预备党员");

        Assert.Equal(["contactIds"], await unit.MalformedAsync(instance, "assign-contacts", "2023-07-06", Contacts(unit.Members[1], unit.Members[2], unit.Members[3])));
        Assert.Equal(["contactIds"], await unit.MalformedAsync(instance, "assign-contacts", "2023-07-06", Contacts()));
        Assert.Equal(["contacts-1-or-2-full-members"], await unit.RefusedAsync(instance, "assign-contacts", "2023-07-06", Contacts(probationary)));
        Assert.Equal(["contacts-1-or-2-full-members"], await unit.RefusedAsync(instance, "assign-contacts", "2023-07-06", Contacts(unit.Members[1], probationary)));
        Assert.Equal(["contacts-1-or-2-full-members"], await unit.RefusedAsync(instance, "assign-contacts", "2023-07-06", Contacts(unit.Members[1], unit.Members[1])));

        await unit.ActAsync(instance, "assign-contacts", "2023-07-06", Contacts(unit.Members[1], unit.Members[2]));
    }

    [Fact]
    public async Task A_meeting_tally_that_does_not_add_up_is_refused()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.ApplyAsync();
        await unit.AdvanceToAdmissionMeetingAsync(instance);
        const string date = "2024-09-10";

        Assert.Equal(["tally-consistent"], await unit.RefusedAsync(instance, "branch-meeting-admission", date, Unit.Tally(10, 8, 8, -1)));
        Assert.Equal(["tally-consistent"], await unit.RefusedAsync(instance, "branch-meeting-admission", date, Unit.Tally(10, 6, 5, 2)));
        Assert.Equal(["tally-consistent"], await unit.RefusedAsync(instance, "branch-meeting-admission", date, Unit.Tally(10, 11, 9)));

        var text = Unit.Tally(10, 8, 8);
        text["entitled"] = "10";
        Assert.Equal(["entitled"], await unit.MalformedAsync(instance, "branch-meeting-admission", date, text));

        var meeting = await unit.ActAsync(instance, "branch-meeting-admission", date, Unit.Tally(10, 8, 8));
        Assert.Equal("passed", meeting["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_date_in_the_future_before_the_previous_step_or_not_on_the_calendar_is_refused()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.ApplyAsync("2023-06-01");
        JsonObject Talk() => new() { ["talkerId"] = unit.Secretary.ToString(), ["notes"] = "谈话" };

        Assert.Equal(["date-order"], await unit.RefusedAsync(instance, "initial-talk", "2026-12-01", Talk()));
        Assert.Equal(["date-order"], await unit.RefusedAsync(instance, "initial-talk", "2023-05-31", Talk()));
        Assert.Equal(["date"], await unit.MalformedAsync(instance, "initial-talk", "2024-02-30", Talk()));
        Assert.Equal(["date"], await unit.MalformedAsync(instance, "initial-talk", "2023/06/15", Talk()));

        // Today and the previous step's own date are both fine.
        await unit.ActAsync(instance, "initial-talk", "2023-06-01", Talk());
        await unit.ActAsync(instance, "confirm-activist", "2026-11-30", new JsonObject { ["recommendationMethod"] = "member-recommendation" });
    }

    [Fact]
    public async Task An_extension_of_probation_is_6_to_12_months()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.StartAsync("apply-for-full-membership");
        const string date = "2025-09-12";

        Assert.Equal(["extension-6-to-12-months"], await unit.RefusedAsync(instance, "branch-meeting-confirmation", date, Journeys.Confirmation("extend", Unit.Tally(10, 9, 9))));
        Assert.Equal(["extension-6-to-12-months"], await unit.RefusedAsync(instance, "branch-meeting-confirmation", date, Journeys.Confirmation("extend", Unit.Tally(10, 9, 9), 13)));
        Assert.Equal(["extension-6-to-12-months"], await unit.RefusedAsync(instance, "branch-meeting-confirmation", date, Journeys.Confirmation("extend", Unit.Tally(10, 9, 9), 5)));

        var meeting = await unit.ActAsync(instance, "branch-meeting-confirmation", date, Journeys.Confirmation("extend", Unit.Tally(10, 9, 9), 12));
        Assert.Equal("passed", meeting["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_target_leaving_the_unit_within_3_months_is_processed_only_with_a_special_circumstance()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.StartAsync("branch-committee-review");
        JsonObject PreReview() => new()
        {
            ["result"] = "passed", ["approverOrganizationId"] = unit.Committee.ToString(), ["leavingUnitWithin3Months"] = true,
        };

        Assert.Equal(["not-leaving-within-3-months"], await unit.RefusedAsync(instance, "pre-review", "2024-08-25", PreReview()));

        var facts = PreReview();
        facts["specialCircumstance"] = "调入同一系统下属单位，组织关系随转";
        var accepted = await unit.ActAsync(instance, "pre-review", "2024-08-25", facts);
        Assert.Equal("passed", accepted["outcome"]!.GetValue<string>());
        Assert.Equal("pre-review", accepted["state"]!.GetValue<string>());
        var row = (await unit.ViewAsync(instance)).LastHistoryRow();
        Assert.Equal("pre-review", row["actionId"]!.GetValue<string>());
        Assert.Equal(unit.Branch.ToString(), row["organizationId"]!.GetValue<string>());
        Assert.Equal("调入同一系统下属单位，组织关系随转", row["facts"]!["specialCircumstance"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_people_are_refused_as_member_exists()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.ApplyAsync("2023-06-01");

        // (Who acts is the signed-in user, a person on record: AccessTests.)
        Assert.Equal(["member-exists"], await unit.RefusedAsync(instance, "initial-talk", "2023-06-15",
            new JsonObject { ["talkerId"] = Guid.NewGuid().ToString(), ["notes"] = "谈话" }));
    }
}
