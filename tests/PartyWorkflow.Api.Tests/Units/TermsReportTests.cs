using System.Net;
using System.Net.Http.Json;
using PartyWorkflow.Api.Tests.Infrastructure;

namespace PartyWorkflow.Api.Tests.Units;

/// <summary>The work committee's view of terms (换届) as of a date: overdue, ending within 6 months, and term unknown.</summary>
public sealed class TermsReportTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private const string County = "990104";

    [Fact]
    public async Task Terms_are_overdue_due_or_unknown_as_of_a_date()
    {
        var registry = new Registry(fixture.Api);
        async Task<Guid> WithTerm(string mode, string? electedOn)
        {
            var organization = await registry.OrganizationAsync(mode, "2019-01-01", County);
            if (electedOn is not null)
                await ApiClient.ExpectAsync(await fixture.Api.Client.PostAsJsonAsync($"/api/party-organizations/{organization}/terms", new { electedOn }), HttpStatusCode.Created);
            return organization;
        }
        var overdue = await WithTerm("standalone", "2020-01-01");
        var due = await WithTerm("standalone", "2021-03-01");
        var unknown = await WithTerm("joint", null);
        var current = await WithTerm("standalone", "2023-06-01");
        await WithTerm("functional", null);

        var report = await fixture.Api.GetAsync($"/api/reports/terms?asOf=2024-01-01&county={County}");
        string[] Ids(string list) => report[list]!.AsArray().Select(l => l!["organizationId"]!.GetValue<string>()).ToArray();
        Assert.Equal([overdue.ToString()], Ids("overdue"));
        Assert.Equal([due.ToString()], Ids("due"));
        Assert.Equal([unknown.ToString()], Ids("unknown"));
        Assert.Equal(1, report["inTerm"]!.GetValue<int>());
        Assert.Equal("2024-03-01", report["due"]![0]!["endsOn"]!.GetValue<string>());

        // As of 2020-06-30 the first is in its term; the others have none yet.
        var earlier = await fixture.Api.GetAsync($"/api/reports/terms?asOf=2020-06-30&county={County}");
        Assert.Equal(3, earlier["unknown"]!.AsArray().Count);
        Assert.DoesNotContain(current.ToString(), earlier["overdue"]!.ToJsonString());
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Api.Client.GetAsync("/api/reports/terms?county=000000")).StatusCode);
    }
}
