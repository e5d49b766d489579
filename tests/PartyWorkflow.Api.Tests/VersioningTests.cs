using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PartyWorkflow.Api.Tests.Infrastructure;

namespace PartyWorkflow.Api.Tests;

/// <summary>Publishing a new version never changes a running instance.</summary>
public sealed class VersioningTests
{
    [Fact]
    public async Task Running_instances_stay_on_v1_while_new_applications_start_on_v2()
    {
        var database = await TestDatabases.CreatePostgresAsync();
        var time = new FakeTimeProvider(ApiFixture.Start);
        var workflows = WorkflowFolders.Copy();

        Guid first;
        Unit unit;
        await using (var v1 = new ApiFactory(database, time, workflows))
        {
            unit = await Unit.CreateAsync(new ApiClient(v1.CreateSignedInClient()));
            first = await unit.ApplyAsync("2026-10-01");
        }

        // Publish v2: the talk may come up to 2 months after the application before it is late.
        var v2Definition = JsonNode.Parse(File.ReadAllText(Path.Combine(workflows, "member-development.v1.json")))!;
        v2Definition["version"] = 2;
        var talk = v2Definition["stages"]![0]!["steps"]![1]!;
        talk["rules"]![0]!["parameters"]!["months"] = 2;
        File.WriteAllText(Path.Combine(workflows, "member-development.v2.json"), v2Definition.ToJsonString());

        await using var both = new ApiFactory(database, time, workflows);
        var api = new ApiClient(both.CreateSignedInClient());
        unit = unit with { Api = api };
        var second = await unit.ApplyAsync("2026-10-01");

        var oldView = await api.GetAsync($"/api/instances/{first}");
        var newView = await api.GetAsync($"/api/instances/{second}");
        Assert.Equal(1, oldView["definitionVersion"]!.GetValue<int>());
        Assert.Equal(2, newView["definitionVersion"]!.GetValue<int>());
        Assert.Null(oldView["jurisdictionId"]);

        // A talk 45 days after the application is late under v1 only.
        var lateTalk = () => new JsonObject { ["date"] = "2026-11-15", ["talkerId"] = unit.Secretary.ToString(), ["notes"] = "谈话" };
        var onV1 = await ApiClient.ExpectAsync(await api.ActAsync(first, "initial-talk", lateTalk(), unit.Secretary), HttpStatusCode.OK);
        var onV2 = await ApiClient.ExpectAsync(await api.ActAsync(second, "initial-talk", lateTalk(), unit.Secretary), HttpStatusCode.OK);
        Assert.Equal("initial-talk-within-1-month", onV1["warnings"]![0]!["ruleId"]!.GetValue<string>());
        Assert.Empty(onV2["warnings"]!.AsArray());

        var history = (await api.GetAsync($"/api/instances/{first}"))["history"]!.AsArray();
        Assert.All(history, h => Assert.Equal(1, h!["definitionVersion"]!.GetValue<int>()));
    }
}
