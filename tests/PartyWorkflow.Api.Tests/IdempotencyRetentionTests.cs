using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyWorkflow.Api.Tests.Infrastructure;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Api.Tests;

public sealed class IdempotencyRetentionTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Idempotency_records_are_kept_for_a_day_and_then_pruned()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.ApplyAsync("2026-11-01");
        var talk = () => new JsonObject { ["date"] = "2026-11-10", ["talkerId"] = unit.Secretary.ToString(), ["notes"] = "谈话" };
        await ApiClient.ExpectAsync(await fixture.Api.ActAsync(instance, "initial-talk", talk(), unit.Secretary, idempotencyKey: "old-key"), HttpStatusCode.OK);

        fixture.Time.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, await PruneAsync());
        await ApiClient.ExpectAsync(await fixture.Api.ActAsync(instance, "initial-talk", talk(), unit.Secretary, idempotencyKey: "old-key"), HttpStatusCode.OK);
        await ApiClient.ExpectAsync(await fixture.Api.PostAsync("/api/party-organizations", new JsonObject { ["name"] = "新党支部", ["kind"] = "branch" }, "new-key"), HttpStatusCode.Created);

        fixture.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await PruneAsync());
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<PartyWorkflowDbContext>().IdempotencyRecords.Select(r => r.Key).ToListAsync();
        Assert.Contains("new-key", keys);
        Assert.DoesNotContain("old-key", keys);
    }

    private async Task<int> PruneAsync()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IdempotencyPruner>().PruneAsync();
    }
}
