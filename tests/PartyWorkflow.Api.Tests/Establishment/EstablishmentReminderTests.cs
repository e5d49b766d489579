using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PartyWorkflow.Api.Tests.Infrastructure;

namespace PartyWorkflow.Api.Tests.Establishment;

/// <summary>
/// The establishment's reminders on a fake clock, swept every morning: the reply to a request is
/// due in a month (a reminder 7 days before), and a registered organization's term ends 3 years
/// after its election (reminders 183 and 92 days before); each reaches the work committee's inbox once.
/// The class has its own database and clock.
/// </summary>
public sealed class EstablishmentReminderTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private ApiClient Api => fixture.Api;

    [Fact]
    public async Task The_reply_and_the_term_end_reach_the_work_committee_once_each()
    {
        var committee = Guid.Parse((await ApiClient.ExpectAsync(await Api.Client.PostAsJsonAsync("/api/party-organizations",
            new { name = "南湖市两新工委", kind = "work-committee", countyCode = "990103", email = "nh@example.org" }), HttpStatusCode.Created))["id"]!.GetValue<string>());
        var holding = await Api.CreateOrganizationAsync("branch");
        var staff = await Api.CreateMemberAsync(holding, name: "工委干部");
        var unit = Guid.Parse((await ApiClient.ExpectAsync(await Api.Client.PostAsJsonAsync("/api/units", new
        {
            name = "南湖某公司", type = "non-public-enterprise", creditCode = CreditCodes.Next(), countyCode = "990103", industryCode = "C", hasFixedPremises = true,
        }), HttpStatusCode.Created))["id"]!.GetValue<string>());
        var members = new List<Guid>();
        for (var i = 0; i < 3; i++)
            members.Add(Guid.Parse((await ApiClient.ExpectAsync(await Api.Client.PostAsJsonAsync("/api/members", new
            {
                name = $"党员{i}", gender = "male", ethnicity = "汉族", citizenId = CitizenIds.For(new DateOnly(1982 + i, 4, 4)), branchId = holding, membership = "full", unitId = unit,
            }), HttpStatusCode.Created))["id"]!.GetValue<string>()));

        var started = await ApiClient.ExpectAsync(await Api.PostAsync("/api/establishments", new JsonObject
        {
            ["actorId"] = staff.ToString(), ["actorRole"] = "work-committee", ["date"] = "2026-11-20", ["workCommitteeId"] = committee.ToString(),
            ["name"] = "南湖某公司党支部", ["mode"] = "standalone", ["proposedKind"] = "branch", ["unitIds"] = new JsonArray(unit.ToString()),
            ["foundingMemberIds"] = new JsonArray(members.Select(m => (JsonNode)m.ToString()).ToArray()),
        }), HttpStatusCode.Created);
        var instance = Guid.Parse(started["id"]!.GetValue<string>());

        // The approval queue: requests awaiting the work committee, each with its reply's due date.
        var queue = await Api.GetAsync($"/api/instances?definition=organization-establishment&organization={committee}&awaiting=work-committee&open=true");
        var waiting = Assert.Single(queue["items"]!.AsArray())!;
        Assert.Equal(("reply-due", "2026-12-20", false), (waiting["nextDeadline"]!["kind"]!.GetValue<string>(),
            waiting["nextDeadline"]!["dueDate"]!.GetValue<string>(), waiting["nextDeadline"]!["overdue"]!.GetValue<bool>()));

        // Reply due 2026-12-20: the reminder 7 days before, once however often the sweep runs.
        await SweepOnAsync(new DateOnly(2026, 12, 13));
        await SweepOnAsync(new DateOnly(2026, 12, 13));
        Assert.Equal(1, await InboxAsync(committee, "组建请示批复期限"));

        async Task Act(string action, JsonObject facts)
        {
            facts["actorId"] = staff.ToString();
            facts["actorRole"] = "work-committee";
            await ApiClient.ExpectAsync(await Api.PostAsync($"/api/instances/{instance}/actions/{action}", facts), HttpStatusCode.OK);
        }
        await Act("review-request", new JsonObject { ["date"] = "2026-12-13", ["decision"] = "approved" });
        await Act("hold-founding-meeting", new JsonObject
        {
            ["date"] = "2026-12-13", ["voterIds"] = new JsonArray(members.Select(m => (JsonNode)m.ToString()).ToArray()), ["entitled"] = 3, ["present"] = 3,
            ["ballotsCast"] = 3, ["seats"] = 1,
            ["candidates"] = new JsonArray(new JsonObject { ["memberId"] = members[0].ToString(), ["yes"] = 3, ["no"] = 0, ["abstain"] = 0 }),
        });
        await Act("approve-election", new JsonObject { ["date"] = "2026-12-13", ["decision"] = "approved" });
        await Act("register-organization", new JsonObject { ["date"] = "2026-12-13" });
        var view = await Api.GetAsync($"/api/instances/{instance}");
        var termEnd = view["openDeadlines"]!.AsArray().Single(d => d!["kind"]!.GetValue<string>() == "term-end")!;
        Assert.Equal("2029-12-13", termEnd["dueDate"]!.GetValue<string>());

        // The term ends 2029-12-13 (three years from the election): 183 days before is 2029-06-13.
        await SweepOnAsync(new DateOnly(2029, 6, 12));
        Assert.Equal(0, await InboxAsync(committee, "任期届满"));
        await SweepOnAsync(new DateOnly(2029, 6, 13));
        await SweepOnAsync(new DateOnly(2029, 6, 14));
        Assert.Equal(1, await InboxAsync(committee, "任期届满"));
        Assert.Equal(1, await InboxAsync(committee, "组建请示批复期限"));
        // The organization itself is reminded of its term too (not of the reply to its request).
        var organization = (await Api.GetAsync($"/api/units/{unit}"))["coveredBy"]!.GetValue<string>();
        Assert.Equal(1, await InboxAsync(Guid.Parse(organization), "任期届满"));
        Assert.Equal(0, await InboxAsync(Guid.Parse(organization), "组建请示批复期限"));

        // The renewal (换届) on 2029-06-20 closes that term's reminders and opens the next term's.
        await SweepOnAsync(new DateOnly(2029, 6, 25));
        JsonObject Election(string date, string? approval) => new()
        {
            ["actorId"] = staff.ToString(), ["actorRole"] = "branch", ["date"] = date, ["organizationId"] = organization,
            ["entitled"] = 3, ["present"] = 3, ["ballotsCast"] = 3, ["seats"] = 1,
            ["candidates"] = new JsonArray(new JsonObject { ["memberId"] = members[1].ToString(), ["yes"] = 3, ["no"] = 0, ["abstain"] = 0 }),
            ["termChangeApproval"] = approval,
        };
        // The term ends 2029-12-13: an election six months before is advanced and needs an approval;
        // one more than a year before is refused even with one.
        foreach (var (date, approval) in new[] { ("2029-06-20", (string?)null), ("2028-12-12", "县两新工委〔2028〕8号") })
        {
            using var refused = await Api.PostAsync("/api/definitions/organization-renewal/instances", Election(date, approval));
            Assert.Equal("term-change-approved", (await ApiClient.ExpectAsync(refused, HttpStatusCode.UnprocessableEntity))["unmetRules"]![0]!["ruleId"]!.GetValue<string>());
        }
        var renewal = await ApiClient.ExpectAsync(await Api.PostAsync("/api/definitions/organization-renewal/instances",
            Election("2029-06-20", "县两新工委〔2029〕4号：同意提前换届")), HttpStatusCode.Created);
        var renewalId = renewal["id"]!.GetValue<string>();
        var approved = await ApiClient.ExpectAsync(await Api.PostAsync($"/api/instances/{renewalId}/actions/approve-renewal", new JsonObject
        {
            ["actorId"] = staff.ToString(), ["actorRole"] = "work-committee", ["date"] = "2029-06-25", ["decision"] = "approved",
        }), HttpStatusCode.OK);
        Assert.Equal("renewed", approved["state"]!.GetValue<string>());
        Assert.DoesNotContain("term-end", (await Api.GetAsync($"/api/instances/{instance}")).OpenDeadlineKinds());
        var deadlines = JsonNode.Parse(await Api.Client.GetStringAsync($"/api/deadlines?kind=term-end&organization={organization}"))!.AsArray();
        var next = Assert.Single(deadlines)!;
        Assert.Equal((renewalId, "2032-06-20"), (next["instanceId"]!.GetValue<string>(), next["dueDate"]!.GetValue<string>()));
        var secretary = (await Api.GetAsync($"/api/reports/terms?asOf=2029-07-01&county=990103"));
        Assert.Empty(secretary["overdue"]!.AsArray());
        Assert.Empty(secretary["due"]!.AsArray());
        // 92 days before the old end: no reminder of the old term any more.
        await SweepOnAsync(new DateOnly(2029, 9, 12));
        Assert.Equal(1, await InboxAsync(committee, "任期届满"));
        Assert.Equal(1, await InboxAsync(Guid.Parse(organization), "任期届满"));
    }

    private async Task SweepOnAsync(DateOnly day)
    {
        fixture.Time.SetUtcNow(Sweeps.Morning(day));
        await fixture.Factory.SweepAsync();
    }

    private async Task<int> InboxAsync(Guid organization, string kind) =>
        JsonNode.Parse(await Api.Client.GetStringAsync($"/api/inbox?organization={organization}"))!.AsArray()
            .Count(i => i!["subject"]!.GetValue<string>().Contains(kind));
}
