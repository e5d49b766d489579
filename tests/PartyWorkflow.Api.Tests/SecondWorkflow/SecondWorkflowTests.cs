using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PartyWorkflow.Api.Tests.Infrastructure;
using PartyWorkflow.Application;
using PartyWorkflow.Application.Workflows;

namespace PartyWorkflow.Api.Tests.SecondWorkflow;

/// <summary>
/// A second workflow that lives only here: a two-step grant request about an organization, with its
/// own rule, effect handler and deadline, added through the extension points a new workflow uses (a
/// JSON file in the workflows folder, AddWorkflowRule, AddEffect) and run through the generic routes.
/// </summary>
public sealed class SecondWorkflowTests : IAsyncLifetime
{
    public static readonly string Fixture = Path.Combine(RepositoryPaths.Root()!, "tests", "PartyWorkflow.Api.Tests", "SecondWorkflow", "activity-grant.v1.json");
    private static readonly string[] FixtureIds =
        ["activity-grant", "request-activity-grant", "decide-activity-grant", "mark-grant-awarded", "grant-decision-due", "grant-amount-within-cap", "one-open-activity-grant-per-organization"];

    private readonly FakeTimeProvider time = new(ApiFixture.Start);
    private ApiFactory factory = null!;
    private ApiClient api = null!;

    public async Task InitializeAsync()
    {
        var workflows = WorkflowFolders.Copy();
        File.Copy(Fixture, Path.Combine(workflows, Path.GetFileName(Fixture)));
        factory = new ApiFactory(await TestDatabases.CreatePostgresAsync(), time, workflows,
            services: s => s.AddWorkflowRule<GrantAmountWithinCap>().AddEffect<MarkGrantAwarded>());
        api = new ApiClient(factory.CreateSignedInClient());
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task A_grant_request_runs_through_the_generic_routes_with_its_own_rule_effect_and_reminded_deadline()
    {
        var committee = await api.CreateOrganizationAsync("party-committee", name: "某街道党委");
        var branch = await api.CreateOrganizationAsync("branch", committee, name: "某公司党支部");
        var secretary = await api.CreateMemberAsync(branch);

        var tooMuch = await api.PostAsync("/api/definitions/activity-grant/instances", Request(branch, secretary, 30000));
        var refusal = await ApiClient.ExpectAsync(tooMuch, HttpStatusCode.UnprocessableEntity);
        var unmet = Assert.Single(refusal["unmetRules"]!.AsArray())!;
        Assert.Equal("grant-amount-within-cap", unmet["ruleId"]!.GetValue<string>());
        Assert.Equal(["amount"], unmet["fields"]!.AsArray().Select(f => f!.GetValue<string>()));

        var started = await ApiClient.ExpectAsync(await api.PostAsync("/api/definitions/activity-grant/instances", Request(branch, secretary, 5000)), HttpStatusCode.Created);
        var instance = started["id"]!.GetValue<string>();
        Assert.Equal("organization", started["subjectKind"]!.GetValue<string>());
        Assert.Equal(branch.ToString(), started["subjectId"]!.GetValue<string>());
        Assert.Equal("某公司党支部", started["subjectName"]!.GetValue<string>());
        Assert.Equal(branch.ToString(), started["organizationId"]!.GetValue<string>());
        Assert.Equal(["party-committee"], started["awaitedRoles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("2026-12-30", Assert.Single(started["openDeadlines"]!.AsArray())!["dueDate"]!.GetValue<string>());

        // The declared uniqueness: one open request per organization.
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync("/api/definitions/activity-grant/instances", Request(branch, secretary, 100))).StatusCode);

        time.SetUtcNow(Sweeps.Morning(new DateOnly(2027, 1, 6)));
        await factory.SweepAsync();
        var reminders = await factory.RemindersAsync(Guid.Parse(instance));
        Assert.Equal([("due", committee), ("overdue", committee), ("overdue", branch)],
            reminders.Select(r => (r.ReminderKind, r.RecipientId)).ToList());
        Assert.Equal("【经费审批期限】某公司党支部的经费申请：今天到期（2026-12-30）", reminders[0].Subject);
        var inbox = JsonNode.Parse(await api.Client.GetStringAsync($"/api/inbox?organization={committee}"))!;
        Assert.Equal(2, inbox.AsArray().Count(i => i!["subject"]!.GetValue<string>().Contains("某公司党支部的经费申请")));

        var listed = await api.GetAsync("/api/instances?definition=activity-grant&awaiting=party-committee");
        Assert.Equal(instance, Assert.Single(listed["items"]!.AsArray())!["id"]!.GetValue<string>());

        var decided = await ApiClient.ExpectAsync(await api.ActAsync(Guid.Parse(instance), "decide-activity-grant",
            new JsonObject { ["date"] = "2027-01-06", ["decision"] = "awarded" }, secretary, "party-committee"), HttpStatusCode.OK);
        Assert.Equal("grant-awarded", decided["state"]!.GetValue<string>());
        Assert.False(decided["isOpen"]!.GetValue<bool>());
        Assert.Equal("某公司党支部（已拨付活动经费）", (await api.GetAsync($"/api/party-organizations/{branch}"))["name"]!.GetValue<string>());
        Assert.Empty((await api.GetAsync($"/api/instances/{instance}"))["openDeadlines"]!.AsArray());

        // Ended, it holds no lock: the organization may ask again.
        await ApiClient.ExpectAsync(await api.PostAsync("/api/definitions/activity-grant/instances", Request(branch, secretary, 800)), HttpStatusCode.Created);
        Assert.Equal(2, (await api.GetAsync("/api/instances?definition=activity-grant"))["total"]!.GetValue<int>());
        Assert.Equal(1, (await api.GetAsync("/api/instances?definition=activity-grant&open=false"))["total"]!.GetValue<int>());
    }

    [Fact]
    public void No_file_under_src_mentions_the_second_workflow()
    {
        var src = Path.Combine(RepositoryPaths.Root()!, "src");
        var mentions = Directory.EnumerateFiles(src, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => FixtureIds.Where(id => File.ReadAllText(f).Contains(id)).Select(id => $"{Path.GetRelativePath(src, f)}: {id}"))
            .ToList();
        Assert.Empty(mentions);
    }

    private static JsonObject Request(Guid organization, Guid actor, int amount) => new()
    {
        ["organizationId"] = organization.ToString(),
        ["date"] = "2026-11-30",
        ["amount"] = amount,
        ["purpose"] = "开展主题党日活动",
        ["actorId"] = actor.ToString(),
    };
}
