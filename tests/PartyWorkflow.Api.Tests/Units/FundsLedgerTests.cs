using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PartyWorkflow.Api.Tests.Infrastructure;

namespace PartyWorkflow.Api.Tests.Units;

/// <summary>
/// The funds ledger from the policy file: for 2017, 6,600 for a branch registered 2016-12-01 and
/// 10,500 for one registered 2017-03-01, payments against them, and other amounts when the file
/// changes (no code involved).
/// </summary>
public sealed class FundsLedgerTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task The_ledger_shows_what_the_policy_makes_due_what_was_paid_and_what_is_outstanding()
    {
        var (early, march) = await TwoBranchesAsync(fixture.Api);

        var ledger = await fixture.Api.GetAsync($"/api/funds/ledger?from=2017-01-01&to=2017-12-31&county={Registry.CountyA}");
        Assert.Equal(6600m, Line(ledger, early)["due"]!.GetValue<decimal>());
        Assert.Equal(10500m, Line(ledger, march)["due"]!.GetValue<decimal>());
        Assert.Equal(5000m, Line(ledger, march)["dueByItem"]!["start-up"]!.GetValue<decimal>());
        Assert.Equal("990000", Line(ledger, march)["policy"]!.GetValue<string>());

        var paid = await fixture.Api.Client.PostAsJsonAsync("/api/funds/payments", new
        {
            organizationId = early, paidOn = "2017-06-30", amount = 3000.00m, paidTo = "东山县某公司党支部", item = "activity-branch", reference = "财付〔2017〕12号",
        });
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        var after = await fixture.Api.GetAsync($"/api/funds/ledger?from=2017-01-01&to=2017-12-31&organization={early}");
        Assert.Equal((6600m, 3000m, 3600m), (Line(after, early)["due"]!.GetValue<decimal>(), Line(after, early)["paid"]!.GetValue<decimal>(), Line(after, early)["outstanding"]!.GetValue<decimal>()));
        Assert.Equal(3600m, after["total"]!["outstanding"]!.GetValue<decimal>());

        var unknownItem = await fixture.Api.Client.PostAsJsonAsync("/api/funds/payments", new { organizationId = early, paidOn = "2017-06-30", amount = 10m, paidTo = "x", item = "bonus" });
        Assert.Equal(["funds-item-known"], await ApiClient.UnmetRulesAsync(unknownItem));
        var fractions = await fixture.Api.Client.PostAsJsonAsync("/api/funds/payments", new { organizationId = early, paidOn = "2017-06-30", amount = 10.005m, paidTo = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, fractions.StatusCode);
    }

    [Fact]
    public async Task Other_amounts_fall_due_when_the_policy_file_changes()
    {
        var folder = WorkflowFolders.Copy();
        var file = Path.Combine(folder, "policies", "funds.990000.json");
        var policy = JsonNode.Parse(File.ReadAllText(file))!;
        policy["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == "activity-branch")!["amount"] = 3600;
        policy["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == "secretary-allowance")!["amount"] = 500;
        File.WriteAllText(file, policy.ToJsonString());

        await using var factory = new ApiFactory(await TestDatabases.CreatePostgresAsync(), fixture.Time, folder);
        var api = new ApiClient(factory.CreateSignedInClient());
        var (early, march) = await TwoBranchesAsync(api);
        var ledger = await api.GetAsync("/api/funds/ledger?from=2017-01-01&to=2017-12-31");
        // 0 + 3,600 + 12 × 500, and 5,000 + 10/12 × 3,600 + 10 × 500.
        Assert.Equal(9600m, Line(ledger, early)["due"]!.GetValue<decimal>());
        Assert.Equal(13000m, Line(ledger, march)["due"]!.GetValue<decimal>());
    }

    [Fact]
    public void A_broken_policy_file_is_refused_with_its_file_and_path()
    {
        var folder = WorkflowFolders.Copy();
        var file = Path.Combine(folder, "policies", "funds.990000.json");
        var policy = JsonNode.Parse(File.ReadAllText(file))!;
        policy["items"]![0]!["amount"] = -5;
        policy["items"]![1]!["basis"] = "whenever";
        File.WriteAllText(file, policy.ToJsonString());
        File.WriteAllText(Path.Combine(folder, "policies", "funds.123456.json"), policy.ToJsonString().Replace("\"amount\":-5", "\"amount\":5").Replace("whenever", "monthly-with-secretary"));

        var (catalog, errors) = PartyWorkflow.Application.Workflows.WorkflowCatalog.Load(folder);
        Assert.Null(catalog);
        Assert.Contains(errors, e => e.File == Path.Combine("policies", "funds.990000.json") && e.JsonPath == "$.items[0].amount");
        Assert.Contains(errors, e => e.File == Path.Combine("policies", "funds.990000.json") && e.JsonPath == "$.items[1].basis");
        Assert.Contains(errors, e => e.File == Path.Combine("policies", "funds.123456.json") && e.JsonPath == "$.jurisdiction");
    }

    /// <summary>Two standalone branches with their secretaries elected shortly before registration.</summary>
    private static async Task<(Guid Early, Guid March)> TwoBranchesAsync(ApiClient api)
    {
        var registry = new Registry(api);
        var early = await registry.OrganizationAsync("standalone", "2016-12-01", Registry.CountyA, await registry.UnitAsync("non-public-enterprise", Registry.CountyA));
        var march = await registry.OrganizationAsync("standalone", "2017-03-01", Registry.CountyA, await registry.UnitAsync("non-public-enterprise", Registry.CountyA));
        foreach (var (branch, elected) in new[] { (early, "2016-11-20"), (march, "2017-02-25") })
        {
            var secretary = await api.CreateMemberAsync(branch, name: "书记");
            var term = await api.Client.PostAsJsonAsync($"/api/party-organizations/{branch}/terms", new { electedOn = elected, secretaryId = secretary });
            var body = await ApiClient.ExpectAsync(term, HttpStatusCode.Created);
            Assert.Equal(elected[..4] == "2016" ? "2019-11-20" : "2020-02-25", body["endsOn"]!.GetValue<string>());
        }
        return (early, march);
    }

    private static JsonNode Line(JsonObject ledger, Guid organization) =>
        ledger["organizations"]!.AsArray().Single(l => l!["organizationId"]!.GetValue<string>() == organization.ToString())!;
}
