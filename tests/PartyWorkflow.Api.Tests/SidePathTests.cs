using System.Net;
using System.Text.Json.Nodes;
using PartyWorkflow.Api.Tests.Infrastructure;

namespace PartyWorkflow.Api.Tests;

/// <summary>Withdrawal, transfer, a late initial talk, and the materials checklist.</summary>
public sealed class SidePathTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task A_withdrawal_needs_a_reason_ends_the_process_and_the_person_may_apply_again()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var citizenId = CitizenIds.For(new DateOnly(1995, 5, 5));
        var instance = await unit.StartAsync("confirm-activist", citizenId);
        Assert.Equal(["designation-eligible", "inspection-due"], (await unit.ViewAsync(instance)).OpenDeadlineKinds());

        Assert.Equal(["reason"], await unit.MalformedAsync(instance, "withdraw", "2023-08-01"));

        var withdrawn = await unit.ActAsync(instance, "withdraw", "2023-08-01", new JsonObject { ["reason"] = "本人申请撤回入党申请" });
        Assert.Equal("withdrawn", withdrawn["state"]!.GetValue<string>());
        Assert.Equal("withdrawn", withdrawn["outcome"]!.GetValue<string>());
        Assert.False(withdrawn["isOpen"]!.GetValue<bool>());

        var view = await unit.ViewAsync(instance);
        Assert.Equal("withdrawn", view["endState"]!.GetValue<string>());
        Assert.Null(view["step"]);
        Assert.False(view["isOpen"]!.GetValue<bool>());
        Assert.Empty(view["openDeadlines"]!.AsArray());
        Assert.Empty(view["permittedActions"]!.AsArray());
        var row = view.LastHistoryRow();
        Assert.Equal("withdraw", row["actionId"]!.GetValue<string>());
        Assert.Equal("withdrawn", row["outcome"]!.GetValue<string>());
        Assert.Equal("confirm-activist", row["fromState"]!.GetValue<string>());
        Assert.Equal(unit.Branch.ToString(), row["organizationId"]!.GetValue<string>());
        Assert.Equal("本人申请撤回入党申请", row["facts"]!["reason"]!.GetValue<string>());

        // Nothing more can happen to a closed process.
        Assert.Equal("withdrawn", await unit.NotPermittedAsync(instance, "file-activist-record", "2023-08-02"));

        var again = await ApiClient.ExpectAsync(await fixture.Api.SubmitAsync(unit.Branch, unit.Secretary, citizenId, "2026-11-01"), HttpStatusCode.Created);
        Assert.NotEqual(instance.ToString(), again["id"]!.GetValue<string>());
        Assert.Equal(view["subjectId"]!.GetValue<string>(), again["subjectId"]!.GetValue<string>());
        Assert.Equal("submit-application", again["state"]!.GetValue<string>());
        Assert.True(again["isOpen"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Withdrawal_is_not_permitted_once_the_committee_has_approved()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.StartAsync("committee-approval");

        var state = await unit.NotPermittedAsync(instance, "withdraw", "2024-10-12", new JsonObject { ["reason"] = "本人申请撤回" });
        Assert.Equal("committee-approval", state);
        Assert.DoesNotContain("withdraw", (await unit.ViewAsync(instance)).PermittedActionIds());
    }

    [Fact]
    public async Task An_activist_transfers_to_another_branch_and_time_served_keeps_counting()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var newBranch = await fixture.Api.CreateOrganizationAsync("branch", unit.Committee, name: "某研究院党支部");
        var newSecretary = await fixture.Api.CreateMemberAsync(newBranch, name: "新支部书记");
        var instance = await unit.StartAsync("file-activist-record");
        var deadlinesBefore = (await unit.ViewAsync(instance))["openDeadlines"]!.ToJsonString();

        Assert.Equal(["transfer-to-another-branch"],
            await unit.RefusedAsync(instance, "transfer", "2023-08-01", new JsonObject { ["toBranchId"] = unit.Branch.ToString() }));

        var moved = await unit.ActAsync(instance, "transfer", "2023-08-01", new JsonObject { ["toBranchId"] = newBranch.ToString() });
        Assert.Equal(newBranch.ToString(), moved["organizationId"]!.GetValue<string>());
        Assert.Equal("file-activist-record", moved["state"]!.GetValue<string>());

        var view = await unit.ViewAsync(instance);
        Assert.Equal(newBranch.ToString(), view["organizationId"]!.GetValue<string>());
        var row = view.LastHistoryRow();
        Assert.Equal("transfer", row["actionId"]!.GetValue<string>());
        Assert.Equal(unit.Branch.ToString(), row["organizationId"]!.GetValue<string>());
        Assert.Equal(newBranch.ToString(), row["facts"]!["toBranchId"]!.GetValue<string>());
        Assert.Equal(deadlinesBefore, view["openDeadlines"]!.ToJsonString());
        Assert.Equal(["designation-eligible", "inspection-due"], view.OpenDeadlineKinds());

        // The new branch carries on; designation comes a year after the ORIGINAL confirmation (2023-07-01), not after the transfer.
        async Task Act(string action, string date, JsonObject? facts = null) =>
            await ApiClient.ExpectAsync(await unit.SendAsync(instance, action, date, facts, actorId: newSecretary), HttpStatusCode.OK);
        await Act("assign-contacts", "2023-08-02", new JsonObject { ["contactIds"] = new JsonArray(newSecretary.ToString()) });
        await Act("record-inspection", "2024-01-01", new JsonObject { ["assessment"] = "良好" });
        await Act("record-inspection", "2024-06-25", new JsonObject { ["assessment"] = "良好" });
        await Act("designate-development-target", "2024-07-01", new JsonObject { ["opinionsHeard"] = new JsonArray("party-group", "members") });

        view = await unit.ViewAsync(instance);
        Assert.Equal("designate-development-target", view["state"]!.GetValue<string>());
        var history = view["history"]!.AsArray();
        var transferAt = history.ToList().FindIndex(h => h!["actionId"]!.GetValue<string>() == "transfer");
        Assert.All(history.Take(transferAt + 1), h => Assert.Equal(unit.Branch.ToString(), h!["organizationId"]!.GetValue<string>()));
        Assert.All(history.Skip(transferAt + 1), h => Assert.Equal(newBranch.ToString(), h!["organizationId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_transfer_of_an_applicant_who_is_not_yet_an_activist_is_not_permitted()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var newBranch = await fixture.Api.CreateOrganizationAsync("branch", unit.Committee, name: "另一党支部");
        var instance = await unit.StartAsync("initial-talk");

        Assert.Equal("initial-talk", await unit.NotPermittedAsync(instance, "transfer", "2023-06-20", new JsonObject { ["toBranchId"] = newBranch.ToString() }));
        Assert.Equal(unit.Branch.ToString(), (await unit.ViewAsync(instance))["organizationId"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_initial_talk_more_than_a_month_after_the_application_is_recorded_with_a_warning()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.ApplyAsync("2023-06-01");

        var talk = await unit.ActAsync(instance, "initial-talk", "2023-07-15", new JsonObject { ["talkerId"] = unit.Secretary.ToString(), ["notes"] = "谈话" });
        Assert.Equal("initial-talk", talk["state"]!.GetValue<string>());
        var warning = Assert.Single(talk["warnings"]!.AsArray())!;
        Assert.Equal("initial-talk-within-1-month", warning["ruleId"]!.GetValue<string>());
        Assert.Contains("2023-07-01", warning["message"]!["zh"]!.GetValue<string>());
        Assert.Contains("2023-07-15", warning["message"]!["zh"]!.GetValue<string>());
        Assert.Contains("2023-07-01", warning["message"]!["en"]!.GetValue<string>());
        Assert.Contains("month", warning["message"]!["en"]!.GetValue<string>());

        var view = await unit.ViewAsync(instance);
        var row = view.LastHistoryRow();
        Assert.Equal("initial-talk", row["actionId"]!.GetValue<string>());
        Assert.Equal(unit.Branch.ToString(), row["organizationId"]!.GetValue<string>());
        Assert.Equal(["initial-talk-within-1-month"], row["warnings"]!.AsArray().Select(w => w!.GetValue<string>()));
        Assert.DoesNotContain("initial-talk-due", view.OpenDeadlineKinds());
    }

    [Fact]
    public async Task The_materials_checklist_shows_what_is_on_file_and_what_admission_still_lacks()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.StartAsync("confirm-activist");

        var materials = (await unit.ViewAsync(instance))["materials"]!;
        var missing = materials["required"]![0]!["missing"]!.AsArray().Select(d => d!.GetValue<string>()).Order().ToArray();
        Assert.Equal(["designation-record", "inspection-record", "political-review-conclusion", "training-certificate"], missing);

        var checklist = materials["checklist"]!.AsArray().ToDictionary(m => m!["documentId"]!.GetValue<string>(), m => m!);
        Assert.True(checklist["application-letter"]["onFile"]!.GetValue<bool>());
        Assert.Equal("submit-application", checklist["application-letter"]["step"]!.GetValue<string>());
        Assert.True(checklist["talk-record"]["onFile"]!.GetValue<bool>());
        Assert.True(checklist["recommendation-record"]["onFile"]!.GetValue<bool>());
        Assert.False(checklist["inspection-record"]["onFile"]!.GetValue<bool>());
        Assert.False(checklist["approval-record"]["onFile"]!.GetValue<bool>());

        await unit.ActAsync(instance, "file-activist-record", "2023-07-05");
        await unit.ActAsync(instance, "assign-contacts", "2023-07-06", new JsonObject { ["contactIds"] = new JsonArray(unit.Members[1].ToString()) });
        await unit.ActAsync(instance, "record-inspection", "2024-01-01", new JsonObject { ["assessment"] = "良好" });
        missing = (await unit.ViewAsync(instance))["materials"]!["required"]![0]!["missing"]!.AsArray().Select(d => d!.GetValue<string>()).Order().ToArray();
        Assert.Equal(["designation-record", "political-review-conclusion", "training-certificate"], missing);
    }
}
