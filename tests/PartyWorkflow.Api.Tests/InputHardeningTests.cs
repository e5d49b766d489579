using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PartyWorkflow.Api.Tests.Infrastructure;
using PartyWorkflow.Engine.Rules;

namespace PartyWorkflow.Api.Tests;

/// <summary>What a tired user types at 6 pm: a clear 4xx naming the field or rule, never a 500, nothing written.</summary>
public sealed class InputHardeningTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private ApiClient Api => fixture.Api;

    [Fact]
    public async Task A_property_given_twice_is_a_400()
    {
        var unit = await Unit.CreateAsync(Api);
        var instance = await unit.ApplyAsync();
        var body = $$"""{ "date": "2023-06-15", "date": "2023-06-16", "talkerId": "{{unit.Secretary}}", "notes": "x", "actorId": "{{unit.Secretary}}" }""";
        var response = await Api.Client.PostAsync($"/api/instances/{instance}/actions/initial-talk", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.NotNull((await ApiClient.ExpectAsync(response, HttpStatusCode.BadRequest))["errors"]!["body"]);
    }

    [Fact]
    public async Task Registry_fields_are_checked_before_they_reach_the_database()
    {
        var branch = await Api.CreateOrganizationAsync("branch");
        var member = new
        {
            name = "张三", gender = "male", citizenId = CitizenIds.For(new DateOnly(1980, 1, 1)), branchId = branch, membership = "full",
            email = "secretary@x.cn; office@x.cn", phone = "0755-88888888 转 8001 / 13800138000 (秘书办公室)",
        };
        var errors = (await ApiClient.ExpectAsync(await Api.Client.PostAsJsonAsync("/api/members", member), HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.Equal(["email", "phone"], errors.Select(e => e.Key).Order());

        var wrongType = await Api.Client.PostAsync("/api/members", new StringContent("""{ "name": "李四", "hasVotingRights": "yes" }""", Encoding.UTF8, "application/json"));
        Assert.NotNull((await ApiClient.ExpectAsync(wrongType, HttpStatusCode.BadRequest))["errors"]!["hasVotingRights"]);

        var organization = await Api.Client.PatchAsJsonAsync($"/api/party-organizations/{branch}", new { email = "not an address" });
        Assert.NotNull((await ApiClient.ExpectAsync(organization, HttpStatusCode.BadRequest))["errors"]!["email"]);
    }

    [Fact]
    public async Task An_idempotency_key_over_200_characters_is_a_400_and_writes_nothing()
    {
        var unit = await Unit.CreateAsync(Api);
        var instance = await unit.ApplyAsync();
        var talk = new JsonObject { ["date"] = "2023-06-15", ["talkerId"] = unit.Secretary.ToString(), ["notes"] = "x" };
        var response = await Api.ActAsync(instance, "initial-talk", talk, unit.Secretary, idempotencyKey: new string('k', 201));
        Assert.NotNull((await ApiClient.ExpectAsync(response, HttpStatusCode.BadRequest))["errors"]!["Idempotency-Key"]);
        Assert.Equal(1, (await Api.GetAsync($"/api/instances/{instance}"))["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Counts_beyond_any_real_training_are_a_400()
    {
        var unit = await Unit.CreateAsync(Api);
        var instance = await unit.ApplyAsync();
        await unit.AdvanceToAdmissionMeetingAsync(instance);
        // Political review and training were taken on the way; a new attendance record is not allowed now,
        // so try the branch meeting with an impossible tally instead: it must be a 400, not an overflow.
        var tally = Unit.Tally(2_000_000_000, 1_073_741_823, 1_073_741_823, 2_000_000_000);
        tally["date"] = "2024-09-10";
        var response = await Api.ActAsync(instance, "branch-meeting-admission", tally, unit.Secretary, "branch-meeting");
        var errors = (await ApiClient.ExpectAsync(response, HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.Contains("entitled", errors.Select(e => e.Key));
    }

    [Fact]
    public async Task A_citizen_id_born_in_the_far_future_is_refused_not_a_500()
    {
        var unit = await Unit.CreateAsync(Api);
        var first17 = "11010199900101123";
        var response = await Api.SubmitAsync(unit.Branch, unit.Secretary, first17 + CitizenId.ExpectedCheckCharacter(first17), "2026-11-01");
        Assert.Contains("citizen-id-valid", await ApiClient.UnmetRulesAsync(response));
    }

    [Fact]
    public async Task An_application_to_a_party_committee_is_refused()
    {
        var unit = await Unit.CreateAsync(Api);
        var response = await Api.SubmitAsync(unit.Committee, unit.Secretary, CitizenIds.For(new DateOnly(1990, 1, 1)), "2026-11-01");
        Assert.Equal(["organization-is-a-branch"], await ApiClient.UnmetRulesAsync(response));
    }

    [Fact]
    public async Task An_inspection_entered_late_with_its_true_date_is_accepted()
    {
        var unit = await Unit.CreateAsync(Api);
        var instance = await unit.ApplyAsync();
        await unit.ActAsync(instance, "initial-talk", "2023-06-15", new JsonObject { ["talkerId"] = unit.Secretary.ToString(), ["notes"] = "谈话" });
        await unit.ActAsync(instance, "confirm-activist", "2023-07-01", new JsonObject { ["recommendationMethod"] = "member-recommendation" });
        await unit.ActAsync(instance, "file-activist-record", "2023-07-05");
        await unit.ActAsync(instance, "assign-contacts", "2023-07-06", new JsonObject { ["contactIds"] = new JsonArray(unit.Members[1].ToString()) });
        await unit.ActAsync(instance, "record-thought-report", "2023-10-01", new JsonObject { ["summary"] = "体会" });
        await unit.ActAsync(instance, "record-inspection", "2023-09-15", new JsonObject { ["assessment"] = "良好" });

        var early = new JsonObject { ["date"] = "2023-07-02", ["assessment"] = "良好" };
        Assert.Equal(["date-order"], await ApiClient.UnmetRulesAsync(await Api.ActAsync(instance, "record-inspection", early, unit.Secretary)));
    }

    [Fact]
    public async Task History_refers_to_the_applicant_by_id_only()
    {
        var unit = await Unit.CreateAsync(Api);
        var instance = await unit.ApplyAsync();
        var view = await Api.GetAsync($"/api/instances/{instance}");
        var submitted = view["history"]![0]!["facts"]!.AsObject();
        Assert.Equal(view["subjectId"]!.GetValue<string>(), submitted["personId"]!.GetValue<string>());
        Assert.Null(submitted["person"]);
        Assert.DoesNotContain("申请人", view["history"]!.ToJsonString());
    }

    [Fact]
    public async Task A_former_applicant_can_later_be_registered_as_a_member()
    {
        var unit = await Unit.CreateAsync(Api);
        var citizenId = CitizenIds.For(new DateOnly(1991, 1, 1));
        var instance = await unit.ApplyAsync("2026-10-01", citizenId);
        await unit.ActAsync(instance, "withdraw", "2026-10-05", new JsonObject { ["reason"] = "本人撤回" });

        var registered = await Api.Client.PostAsJsonAsync("/api/members", new { name = "申请人", gender = "female", citizenId, branchId = unit.Branch, membership = "full" });
        var member = await ApiClient.ExpectAsync(registered, HttpStatusCode.Created);
        Assert.Equal((await Api.GetAsync($"/api/instances/{instance}"))["subjectId"]!.GetValue<string>(), member["id"]!.GetValue<string>());
    }
}
