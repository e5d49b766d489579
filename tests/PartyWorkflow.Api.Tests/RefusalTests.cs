using System.Net;
using System.Text.Json.Nodes;
using PartyWorkflow.Api.Tests.Infrastructure;

namespace PartyWorkflow.Api.Tests;

public sealed class RefusalTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task A_17_year_old_applicant_is_refused_with_applicant_age_18()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var response = await fixture.Api.SubmitAsync(unit.Branch, unit.Secretary, CitizenIds.For(new DateOnly(2008, 12, 1)), "2026-11-30");
        Assert.Equal(["applicant-age-18"], await ApiClient.UnmetRulesAsync(response));
    }

    [Fact]
    public async Task An_applicant_who_turned_18_that_day_is_accepted()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var response = await fixture.Api.SubmitAsync(unit.Branch, unit.Secretary, CitizenIds.For(new DateOnly(2008, 11, 30)), "2026-11-30");
        await ApiClient.ExpectAsync(response, HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_citizen_id_with_a_wrong_check_digit_is_refused_with_citizen_id_valid()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var response = await fixture.Api.SubmitAsync(unit.Branch, unit.Secretary, CitizenIds.WithWrongCheckCharacter(new DateOnly(1990, 1, 1)), "2026-11-01");
        var body = await ApiClient.ExpectAsync(response, HttpStatusCode.UnprocessableEntity);
        var rule = Assert.Single(body["unmetRules"]!.AsArray());
        Assert.Equal("citizen-id-valid", rule!["ruleId"]!.GetValue<string>());
        Assert.Contains("校验码", rule["message"]!["zh"]!.GetValue<string>());
        Assert.Contains("check character", rule["message"]!["en"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_second_open_application_for_the_same_person_is_refused()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var citizenId = CitizenIds.For(new DateOnly(1990, 1, 1));
        await unit.ApplyAsync("2026-10-01", citizenId);
        var again = await fixture.Api.SubmitAsync(unit.Branch, unit.Secretary, citizenId, "2026-11-01");
        Assert.Equal(["no-open-application"], await ApiClient.UnmetRulesAsync(again));
    }

    [Fact]
    public async Task A_refusal_lists_every_unmet_rule_and_writes_nothing()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var response = await fixture.Api.SubmitAsync(unit.Branch, unit.Secretary, CitizenIds.For(new DateOnly(2010, 1, 1)), "2027-01-01");
        Assert.Equal(["applicant-age-18", "date-order"], (await ApiClient.UnmetRulesAsync(response)).Order());
        var members = await fixture.Api.Client.GetStringAsync($"/api/members?branchId={unit.Branch}");
        Assert.Equal(10, JsonNode.Parse(members)!.AsArray().Count);
    }

    [Fact]
    public async Task A_branch_meeting_with_5_of_10_present_is_refused_with_meeting_quorum()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.ApplyAsync();
        await unit.AdvanceToAdmissionMeetingAsync(instance);
        var before = await fixture.Api.GetAsync($"/api/instances/{instance}");

        var facts = Unit.Tally(10, 5, 5);
        facts["date"] = "2024-09-10";
        var response = await fixture.Api.ActAsync(instance, "branch-meeting-admission", facts, unit.Secretary, "branch-meeting");
        Assert.Equal(["meeting-quorum"], await ApiClient.UnmetRulesAsync(response));

        var after = await fixture.Api.GetAsync($"/api/instances/{instance}");
        Assert.Equal(before["version"]!.GetValue<int>(), after["version"]!.GetValue<int>());
        Assert.Equal("fill-application-form", after["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_branch_meeting_without_a_majority_of_the_entitled_is_recorded_as_not_passed_and_goes_back()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.ApplyAsync();
        await unit.AdvanceToAdmissionMeetingAsync(instance);

        var result = await unit.ActAsync(instance, "branch-meeting-admission", "2024-09-10", Unit.Tally(10, 6, 5, 1));
        Assert.Equal("not-passed", result["outcome"]!.GetValue<string>());
        Assert.Equal("majority-of-entitled", result["decidedBy"]!["ruleId"]!.GetValue<string>());
        Assert.Equal("complete-training", result["state"]!.GetValue<string>());

        var view = await fixture.Api.GetAsync($"/api/instances/{instance}");
        Assert.Equal("development-target", view["stage"]!.GetValue<string>());
        Assert.Contains(view["permittedActions"]!.AsArray(), a => a!["actionId"]!.GetValue<string>() == "branch-committee-review");
        var last = view["history"]!.AsArray()[^1]!;
        Assert.Equal("branch-meeting-admission", last["actionId"]!.GetValue<string>());
        Assert.Equal("not-passed", last["outcome"]!.GetValue<string>());
        Assert.DoesNotContain(view["openDeadlines"]!.AsArray(), d => d!["kind"]!.GetValue<string>() == "admission-approval-due");
    }

    [Fact]
    public async Task Designation_before_a_year_of_training_is_refused_and_the_view_says_from_when()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.ApplyAsync("2026-01-05");
        await unit.ActAsync(instance, "initial-talk", "2026-01-10", new JsonObject { ["talkerId"] = unit.Secretary.ToString(), ["notes"] = "谈话" });
        await unit.ActAsync(instance, "confirm-activist", "2026-03-01", new JsonObject { ["recommendationMethod"] = "mass-organization-recommendation" });
        await unit.ActAsync(instance, "file-activist-record", "2026-03-02");
        await unit.ActAsync(instance, "assign-contacts", "2026-03-03", new JsonObject { ["contactIds"] = new JsonArray(unit.Members[1].ToString(), unit.Members[2].ToString()) });

        var view = await fixture.Api.GetAsync($"/api/instances/{instance}");
        var designate = view["permittedActions"]!.AsArray().Single(a => a!["actionId"]!.GetValue<string>() == "designate-development-target")!;
        var training = designate["failingRules"]!.AsArray().Single(r => r!["ruleId"]!.GetValue<string>() == "activist-training-one-year")!;
        Assert.Equal("2027-03-01", training["earliestDate"]!.GetValue<string>());
        Assert.Contains("可于 2027-03-01", training["message"]!["zh"]!.GetValue<string>());
        // The first half-year passed without an inspection: time alone will not do, so no date is promised.
        Assert.Null(designate["earliestDate"]);

        var facts = new JsonObject { ["date"] = "2026-11-30", ["opinionsHeard"] = new JsonArray("members") };
        var response = await fixture.Api.ActAsync(instance, "designate-development-target", facts, unit.Secretary, "branch-committee");
        // Both at once: a year is not over, and the first half-year passed without an inspection.
        Assert.Equal(["activist-training-one-year", "half-year-inspections"], await ApiClient.UnmetRulesAsync(response));
    }
}
