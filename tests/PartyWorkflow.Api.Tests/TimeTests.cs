using System.Net;
using System.Text.Json.Nodes;
using PartyWorkflow.Api.Tests.Infrastructure;

namespace PartyWorkflow.Api.Tests;

/// <summary>Time moves with the FakeTimeProvider, never the wall clock: what was refused becomes possible.</summary>
public sealed class TimeTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task A_year_of_training_passes_as_time_passes()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.ApplyAsync("2026-11-30");
        var talk = new JsonObject { ["date"] = "2026-12-03", ["talkerId"] = unit.Secretary.ToString(), ["notes"] = "谈话" };
        Assert.Equal(["date-order"], await ApiClient.UnmetRulesAsync(await fixture.Api.ActAsync(instance, "initial-talk", talk.DeepClone().AsObject(), unit.Secretary)));

        fixture.Time.Advance(TimeSpan.FromDays(3));
        await ApiClient.ExpectAsync(await fixture.Api.ActAsync(instance, "initial-talk", talk, unit.Secretary), HttpStatusCode.OK);
        await unit.ActAsync(instance, "confirm-activist", "2026-12-03", new JsonObject { ["recommendationMethod"] = "member-recommendation" });
        await unit.ActAsync(instance, "file-activist-record", "2026-12-03");
        await unit.ActAsync(instance, "assign-contacts", "2026-12-03", new JsonObject { ["contactIds"] = new JsonArray(unit.Members[1].ToString()) });

        Assert.Equal(["activist-training-one-year"], await FailingForDesignationAsync(instance));
        Assert.Equal("2027-12-03", await EarliestDesignationAsync(instance));

        fixture.Time.Advance(TimeSpan.FromDays(182)); // 2027-06-03: the first half-year is complete, without an inspection
        Assert.Equal(["activist-training-one-year", "half-year-inspections"], await FailingForDesignationAsync(instance));
        await unit.ActAsync(instance, "record-inspection", "2027-06-03", new JsonObject { ["assessment"] = "良好" });
        Assert.Equal(["activist-training-one-year"], await FailingForDesignationAsync(instance));

        fixture.Time.Advance(TimeSpan.FromDays(151)); // 2027-11-01
        await unit.ActAsync(instance, "record-inspection", "2027-11-01", new JsonObject { ["assessment"] = "良好" });
        fixture.Time.Advance(TimeSpan.FromDays(32)); // 2027-12-03
        Assert.Empty(await FailingForDesignationAsync(instance));
        await unit.ActAsync(instance, "designate-development-target", "2027-12-03", new JsonObject { ["opinionsHeard"] = new JsonArray("members") });
    }

    private async Task<string[]> FailingForDesignationAsync(Guid instance) =>
        (await DesignationAsync(instance))["failingRules"]!.AsArray().Select(r => r!["ruleId"]!.GetValue<string>()).Order().ToArray();

    private async Task<string?> EarliestDesignationAsync(Guid instance) => (await DesignationAsync(instance))["earliestDate"]?.GetValue<string>();

    private async Task<JsonNode> DesignationAsync(Guid instance) =>
        (await fixture.Api.GetAsync($"/api/instances/{instance}"))["permittedActions"]!.AsArray()
        .Single(a => a!["actionId"]!.GetValue<string>() == "designate-development-target")!;
}
