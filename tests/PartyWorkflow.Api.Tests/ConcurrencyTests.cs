using System.Net;
using System.Text.Json.Nodes;
using PartyWorkflow.Api.Tests.Infrastructure;

namespace PartyWorkflow.Api.Tests;

public sealed class ConcurrencyTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private static JsonObject Talk(Unit unit) => new() { ["date"] = "2023-06-15", ["talkerId"] = unit.Secretary.ToString(), ["notes"] = "谈话" };

    [Fact]
    public async Task Sixteen_concurrent_requests_for_the_same_step_give_one_success_and_fifteen_conflicts()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.ApplyAsync();

        using var start = new ManualResetEventSlim();
        var requests = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await fixture.Api.ActAsync(instance, "initial-talk", Talk(unit), unit.Secretary, idempotencyKey: i % 2 == 0 ? $"key-{i}" : null);
        })).ToList();
        start.Set();
        var responses = await Task.WhenAll(requests);

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Single(statuses, HttpStatusCode.OK);
        Assert.Equal(15, statuses.Count(s => s == HttpStatusCode.Conflict));
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType!.MediaType);

        var view = await fixture.Api.GetAsync($"/api/instances/{instance}");
        Assert.Equal(["submit-application", "initial-talk"], view["history"]!.AsArray().Select(h => h!["actionId"]!.GetValue<string>()));
        Assert.Equal(2, view["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_request_replayed_with_the_same_key_returns_the_first_response_and_adds_nothing()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.ApplyAsync();

        var first = await fixture.Api.ActAsync(instance, "initial-talk", Talk(unit), unit.Secretary, idempotencyKey: "talk-1");
        var firstBody = await ApiClient.ExpectAsync(first, HttpStatusCode.OK);
        var replay = await fixture.Api.ActAsync(instance, "initial-talk", Talk(unit), unit.Secretary, idempotencyKey: "talk-1");
        var replayBody = await ApiClient.ExpectAsync(replay, HttpStatusCode.OK);

        Assert.Equal(firstBody.ToJsonString(), replayBody.ToJsonString());
        var view = await fixture.Api.GetAsync($"/api/instances/{instance}");
        Assert.Equal(2, view["history"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_refused()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.ApplyAsync();
        await ApiClient.ExpectAsync(await fixture.Api.ActAsync(instance, "initial-talk", Talk(unit), unit.Secretary, idempotencyKey: "k"), HttpStatusCode.OK);

        var other = Talk(unit);
        other["notes"] = "另一次谈话";
        var response = await fixture.Api.ActAsync(instance, "initial-talk", other, unit.Secretary, idempotencyKey: "k");
        Assert.Equal(["idempotency-key-reused"], await ApiClient.UnmetRulesAsync(response));
    }

    [Fact]
    public async Task A_submission_replayed_with_the_same_key_creates_one_instance()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var citizenId = CitizenIds.For(new DateOnly(1990, 3, 3));
        var first = await ApiClient.ExpectAsync(await fixture.Api.SubmitAsync(unit.Branch, unit.Secretary, citizenId, "2026-11-01", "apply-1"), HttpStatusCode.Created);
        var again = await ApiClient.ExpectAsync(await fixture.Api.SubmitAsync(unit.Branch, unit.Secretary, citizenId, "2026-11-01", "apply-1"), HttpStatusCode.Created);
        Assert.Equal(first["id"]!.GetValue<string>(), again["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stale_if_match_gets_412_and_the_current_one_succeeds()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.ApplyAsync();
        var stale = await fixture.Api.ActAsync(instance, "initial-talk", Talk(unit), unit.Secretary, ifMatch: "\"7\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        var response = await fixture.Api.Client.GetAsync($"/api/instances/{instance}");
        var current = await fixture.Api.ActAsync(instance, "initial-talk", Talk(unit), unit.Secretary, ifMatch: response.Headers.ETag!.Tag);
        var body = await ApiClient.ExpectAsync(current, HttpStatusCode.OK);
        Assert.Equal("\"2\"", current.Headers.ETag!.Tag);
        Assert.Equal(2, body["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_registry_post_replayed_with_the_same_key_creates_one_organization()
    {
        var body = new { name = "重放测试党支部", kind = "branch" };
        async Task<string> Create()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/party-organizations") { Content = System.Net.Http.Json.JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "org-1");
            return (await ApiClient.ExpectAsync(await fixture.Api.Client.SendAsync(request), HttpStatusCode.Created))["id"]!.GetValue<string>();
        }
        Assert.Equal(await Create(), await Create());
        var all = JsonNode.Parse(await fixture.Api.Client.GetStringAsync("/api/party-organizations?kind=branch"))!.AsArray();
        Assert.Single(all, o => o!["name"]!.GetValue<string>() == "重放测试党支部");
    }
}
