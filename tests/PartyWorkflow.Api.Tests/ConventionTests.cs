using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PartyWorkflow.Api.Tests.Infrastructure;

namespace PartyWorkflow.Api.Tests;

/// <summary>Status codes and error shapes as the API conventions say: never a 500 for bad input.</summary>
public sealed class ConventionTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private ApiClient Api => fixture.Api;

    [Fact]
    public async Task An_unknown_instance_is_404_problem_details()
    {
        var response = await Api.Client.GetAsync($"/api/instances/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task An_unknown_action_is_404_and_an_action_out_of_order_is_409()
    {
        var unit = await Unit.CreateAsync(Api);
        var instance = await unit.ApplyAsync();
        var unknown = await Api.ActAsync(instance, "promote-to-general-secretary", new JsonObject { ["date"] = "2024-01-01" }, unit.Secretary);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var early = await Api.ActAsync(instance, "committee-approval", new JsonObject
        {
            ["date"] = "2024-01-01", ["decision"] = "approved", ["approverOrganizationId"] = unit.Committee.ToString(),
        }, unit.Secretary, "party-committee");
        var body = await ApiClient.ExpectAsync(early, HttpStatusCode.Conflict);
        Assert.Equal("submit-application", body["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Malformed_bodies_get_400_naming_the_field()
    {
        var unit = await Unit.CreateAsync(Api);
        var instance = await unit.ApplyAsync();

        using var notJson = new StringContent("{ this is not json", Encoding.UTF8, "application/json");
        var response = await Api.Client.PostAsync($"/api/instances/{instance}/actions/initial-talk", notJson);
        var body = await ApiClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(body["errors"]!["body"]);

        var missing = await Api.ActAsync(instance, "initial-talk", new JsonObject { ["date"] = "2023-13-01", ["notes"] = "x", ["talkerld"] = "typo" }, unit.Secretary);
        var errors = (await ApiClient.ExpectAsync(missing, HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.Equal(["date", "talkerId", "talkerld"], errors.Select(e => e.Key).Order());

        // The actor is the signed-in user: a body still naming one is told so, by field.
        var namedActor = await Api.PostAsync($"/api/instances/{instance}/actions/initial-talk",
            new JsonObject { ["date"] = "2023-06-15", ["talkerId"] = unit.Secretary.ToString(), ["notes"] = "x", ["actorId"] = "me" });
        Assert.NotNull((await ApiClient.ExpectAsync(namedActor, HttpStatusCode.BadRequest))["errors"]!["actorId"]);

        // A user holding no role that takes the step is refused, naming the rule.
        var wrongRole = await Api.ActAsync(instance, "initial-talk", new JsonObject { ["date"] = "2023-06-15", ["talkerId"] = unit.Secretary.ToString(), ["notes"] = "x" }, unit.Secretary, "work-committee");
        Assert.Equal("actor-not-permitted", (await ApiClient.ExpectAsync(wrongRole, HttpStatusCode.Forbidden))["unmetRules"]![0]!["ruleId"]!.GetValue<string>());

        var view = await Api.GetAsync($"/api/instances/{instance}");
        Assert.Equal(1, view["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Unknown_people_and_future_dates_are_refused_with_their_rules()
    {
        var unit = await Unit.CreateAsync(Api);
        var instance = await unit.ApplyAsync();
        var response = await Api.ActAsync(instance, "initial-talk", new JsonObject
        {
            ["date"] = "2027-01-01", ["talkerId"] = Guid.NewGuid().ToString(), ["notes"] = "x",
        }, unit.Secretary);
        Assert.Equal(["date-order", "member-exists"], (await ApiClient.UnmetRulesAsync(response)).Order());

        var beforeApplication = await Api.ActAsync(instance, "initial-talk", new JsonObject
        {
            ["date"] = "2023-05-01", ["talkerId"] = unit.Secretary.ToString(), ["notes"] = "x",
        }, unit.Secretary);
        Assert.Equal(["date-order"], await ApiClient.UnmetRulesAsync(beforeApplication));
    }

    [Fact]
    public async Task Registry_input_is_checked()
    {
        var badKind = await Api.Client.PostAsJsonAsync("/api/party-organizations", new { name = "x", kind = "club" });
        Assert.NotNull((await ApiClient.ExpectAsync(badKind, HttpStatusCode.BadRequest))["errors"]!["kind"]);

        var wrongType = await Api.Client.PostAsync("/api/party-organizations", new StringContent("{\"name\": 5, \"kind\": \"branch\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);

        var branchWithAuthority = await Api.Client.PostAsJsonAsync("/api/party-organizations", new { name = "x", kind = "branch", hasApprovalAuthority = true });
        Assert.Equal(["approval-authority-committee-only"], await ApiClient.UnmetRulesAsync(branchWithAuthority));

        var branch = await Api.CreateOrganizationAsync("branch");
        var badId = await Api.Client.PostAsJsonAsync("/api/members", new
        {
            name = "张三", gender = "male", citizenId = CitizenIds.WithWrongCheckCharacter(new DateOnly(1980, 1, 1)), branchId = branch, membership = "full",
        });
        Assert.Equal(["citizen-id-valid"], await ApiClient.UnmetRulesAsync(badId));

        var citizenId = CitizenIds.For(new DateOnly(1981, 1, 1));
        var member = new { name = "李四", gender = "female", citizenId, branchId = branch, membership = "full" };
        await ApiClient.ExpectAsync(await Api.Client.PostAsJsonAsync("/api/members", member), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Conflict, (await Api.Client.PostAsJsonAsync("/api/members", member)).StatusCode);

        var created = await ApiClient.ExpectAsync(await Api.Client.PostAsJsonAsync("/api/members", member with { citizenId = CitizenIds.For(new DateOnly(1982, 1, 1)) }), HttpStatusCode.Created);
        Assert.DoesNotContain(citizenId, created.ToJsonString());
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Client.GetAsync($"/api/members/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_body_over_1_MiB_is_413()
    {
        var unit = await Unit.CreateAsync(Api);
        var instance = await unit.ApplyAsync();
        var huge = new JsonObject { ["date"] = "2023-06-15", ["talkerId"] = unit.Secretary.ToString(), ["notes"] = new string('x', 1_100_000) };
        var response = await Api.ActAsync(instance, "initial-talk", huge, unit.Secretary);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Definitions_diagram_and_openapi_are_served()
    {
        var definitions = JsonNode.Parse(await Api.Client.GetStringAsync("/api/definitions"))!.AsArray();
        var memberDevelopment = Assert.Single(definitions, d => d!["definitionId"]!.GetValue<string>() == "member-development")!;
        Assert.Equal(1, memberDevelopment["version"]!.GetValue<int>());

        var diagram = await Api.Client.GetStringAsync("/api/definitions/member-development/1/diagram");
        Assert.StartsWith("stateDiagram", diagram);
        Assert.Contains("committee-approval", diagram);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Client.GetAsync("/api/definitions/member-development/99/diagram")).StatusCode);

        var openApi = await Api.Client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/applications", openApi);
        Assert.Contains("/api/instances/{id}/actions/{actionId}", openApi);
    }
}
