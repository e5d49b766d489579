using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PartyWorkflow.Api.Tests.Infrastructure;

namespace PartyWorkflow.Api.Tests.Establishment;

/// <summary>
/// A term entered on record (most organizations were set up before the system) is reminded of as
/// the workflows' terms are: its <c>term-end</c> reaches the organization and its work committee 6
/// and 3 months before, and the renewal that follows closes it. The class has its own database and clock.
/// </summary>
public sealed class TermsOnRecordTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private ApiClient Api => fixture.Api;

    [Fact]
    public async Task A_term_entered_on_record_is_reminded_of_and_closed_by_the_renewal()
    {
        var committee = Guid.Parse((await ApiClient.ExpectAsync(await Api.Client.PostAsJsonAsync("/api/party-organizations",
            new { name = "西岭县两新工委", kind = "work-committee", countyCode = "990104" }), HttpStatusCode.Created))["id"]!.GetValue<string>());
        var branch = await Api.CreateOrganizationAsync("branch", committee, name: "西岭某公司党支部");
        var secretary = await Api.CreateMemberAsync(branch, name: "书记");
        async Task Term(string electedOn) =>
            await ApiClient.ExpectAsync(await Api.Client.PostAsJsonAsync($"/api/party-organizations/{branch}/terms", new { electedOn, secretaryId = secretary }), HttpStatusCode.Created);
        async Task<JsonArray> TermEnds() => JsonNode.Parse(await Api.Client.GetStringAsync($"/api/deadlines?kind=term-end&organization={committee}"))!.AsArray();

        // Elected 2024-07-01: the term ends 2027-07-01, a deadline of the registry's own (no instance).
        await Term("2024-07-01");
        var open = Assert.Single(await TermEnds())!;
        Assert.Equal(("2027-07-01", "西岭某公司党支部"), (open["dueDate"]!.GetValue<string>(), open["subjectName"]!.GetValue<string>()));
        Assert.Null(open["instanceId"]);
        // An older term entered for the record changes nothing.
        await Term("2021-07-01");
        Assert.Equal(open["id"]!.GetValue<string>(), Assert.Single(await TermEnds())!["id"]!.GetValue<string>());

        // 183 days before the end is 2026-12-30, 92 days before 2027-03-31: once each, to both.
        await SweepOnAsync(new DateOnly(2026, 12, 29));
        Assert.Equal((0, 0), (await InboxAsync(branch), await InboxAsync(committee)));
        await SweepOnAsync(new DateOnly(2026, 12, 30));
        await SweepOnAsync(new DateOnly(2026, 12, 31));
        Assert.Equal((1, 1), (await InboxAsync(branch), await InboxAsync(committee)));
        await SweepOnAsync(new DateOnly(2027, 4, 10));
        Assert.Equal((2, 2), (await InboxAsync(branch), await InboxAsync(committee)));

        // The renewal on time (within 3 months of the end) closes it and opens the next term's.
        var renewal = await ApiClient.ExpectAsync(await Api.PostAsync("/api/definitions/organization-renewal/instances", new JsonObject
        {
            ["actorId"] = secretary.ToString(), ["actorRole"] = "branch", ["date"] = "2027-04-08", ["organizationId"] = branch.ToString(),
            ["entitled"] = 3, ["present"] = 3, ["ballotsCast"] = 3, ["seats"] = 1,
            ["candidates"] = new JsonArray(new JsonObject { ["memberId"] = secretary.ToString(), ["yes"] = 3, ["no"] = 0, ["abstain"] = 0 }),
        }), HttpStatusCode.Created);
        var renewalId = renewal["id"]!.GetValue<string>();
        await ApiClient.ExpectAsync(await Api.ActAsync(Guid.Parse(renewalId), "approve-renewal",
            new JsonObject { ["date"] = "2027-04-10", ["decision"] = "approved" }, secretary, "work-committee"), HttpStatusCode.OK);
        var next = Assert.Single(await TermEnds())!;
        Assert.Equal((renewalId, "2030-04-08"), (next["instanceId"]!.GetValue<string>(), next["dueDate"]!.GetValue<string>()));
        await SweepOnAsync(new DateOnly(2027, 7, 2));
        Assert.Equal((2, 2), (await InboxAsync(branch), await InboxAsync(committee)));
    }

    private async Task SweepOnAsync(DateOnly day)
    {
        fixture.Time.SetUtcNow(Sweeps.Morning(day));
        await fixture.Factory.SweepAsync();
    }

    private async Task<int> InboxAsync(Guid organization) =>
        JsonNode.Parse(await Api.Client.GetStringAsync($"/api/inbox?organization={organization}"))!.AsArray()
            .Count(i => i!["subject"]!.GetValue<string>().Contains("任期届满"));
}
