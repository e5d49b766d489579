using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PartyWorkflow.Api.Tests.Infrastructure;
using PartyWorkflow.Application.Workflows;

namespace PartyWorkflow.Api.Tests;

/// <summary>What a new user ran into when trying the API, each fixed and kept fixed here.</summary>
public sealed class NewUserTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private ApiClient Api => fixture.Api;

    [Fact]
    public async Task A_lone_surrogate_in_any_string_is_a_400_naming_the_field()
    {
        var unit = await Unit.CreateAsync(Api);
        var application = $$"""{ "person": { "name": "\ud800", "gender": "male", "ethnicity": "汉族", "citizenId": "x" }, "branchId": "{{unit.Branch}}", "applicationDate": "2026-11-01", "actorId": "{{unit.Secretary}}" }""";
        var errors = await ErrorsAsync(await PostTextAsync("/api/applications", application));
        Assert.Contains("person.name", errors.Keys);

        var member = await ErrorsAsync(await PostTextAsync("/api/members", """{ "name": "\udc00abc", "gender": "male" }"""));
        Assert.Contains("name", member.Keys);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_and_writes_nothing()
    {
        var unit = await Unit.CreateAsync(Api);
        var before = (await Api.GetAsync("/api/instances"))["total"]!.GetValue<int>();
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["branchId"] = unit.Branch.ToString() });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await Api.Client.PostAsync("/api/applications", form)).StatusCode);
        var text = new StringContent("""{ "name": "某党支部", "kind": "branch" }""", Encoding.UTF8, "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await Api.Client.PostAsync("/api/party-organizations", text)).StatusCode);
        Assert.Equal(before, (await Api.GetAsync("/api/instances"))["total"]!.GetValue<int>());
        Assert.DoesNotContain((await Api.Client.GetFromJsonAsync<JsonArray>("/api/party-organizations"))!, o => o!["name"]!.GetValue<string>() == "某党支部");
    }

    [Fact]
    public async Task A_400_says_what_the_field_must_be_in_chinese_and_english_by_the_name_the_client_used()
    {
        var unit = await Unit.CreateAsync(Api);
        var errors = await ErrorsAsync(await PostTextAsync("/api/members", $$"""{ "name": "李四", "gender": "male", "citizenId": "x", "branchId": "{{unit.Branch}}", "membership": "full", "probationStart": "soon" }"""));
        var message = Assert.Single(errors["probationStart"]);
        Assert.Equal("应为日期，格式 yyyy-MM-dd / must be a date as yyyy-MM-dd", message);

        var action = await ErrorsAsync(await Api.SubmitAsync(unit.Branch, unit.Secretary, "x", "yesterday"));
        Assert.Equal("应为日期，格式 yyyy-MM-dd / must be a date as yyyy-MM-dd", Assert.Single(action["applicationDate"]));
        Assert.All(errors.Values.Concat(action.Values).SelectMany(m => m), m => Assert.DoesNotContain("Nullable", m));
    }

    [Fact]
    public async Task Unknown_fields_in_put_and_patch_are_a_400_and_a_patch_that_changes_nothing_keeps_the_version()
    {
        var unit = await Unit.CreateAsync(Api);
        var member = unit.Members[0];
        var version = (await Api.GetAsync($"/api/members/{member}"))["version"]!.GetValue<int>();

        var misspelt = await Api.Client.PatchAsJsonAsync($"/api/members/{member}", new { partyGroop = "第二党小组" });
        Assert.Contains("partyGroop", (await ErrorsAsync(misspelt)).Keys);
        var put = await Api.Client.PutAsJsonAsync($"/api/party-organizations/{unit.Branch}", new { name = "某党支部", kind = "branch", hasApprovalAuthority = false, parentId = unit.Committee, emial = "a@b.cn" });
        Assert.Contains("emial", (await ErrorsAsync(put)).Keys);

        var same = await Api.Client.PatchAsJsonAsync($"/api/members/{member}", new { hasVotingRights = true });
        Assert.Equal(version, (await ApiClient.ExpectAsync(same, HttpStatusCode.OK))["version"]!.GetValue<int>());
        Assert.Equal(version, (await Api.GetAsync($"/api/members/{member}"))["version"]!.GetValue<int>());
        var changed = await Api.Client.PatchAsJsonAsync($"/api/members/{member}", new { partyGroup = "第二党小组" });
        Assert.Equal(version + 1, (await ApiClient.ExpectAsync(changed, HttpStatusCode.OK))["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Applying_with_a_known_citizen_id_under_another_name_is_refused_naming_the_difference()
    {
        var unit = await Unit.CreateAsync(Api);
        var citizenId = CitizenIds.For(new DateOnly(1990, 1, 1));
        var first = await unit.ApplyAsync("2026-10-01", citizenId);
        await unit.ActAsync(first, "withdraw", "2026-10-15", new JsonObject { ["reason"] = "本人申请" }, "branch");
        var person = await unit.PersonIdAsync(first);

        var body = new JsonObject
        {
            ["person"] = new JsonObject { ["name"] = "王五", ["gender"] = "male", ["ethnicity"] = "汉族", ["citizenId"] = citizenId },
            ["branchId"] = unit.Branch.ToString(), ["applicationDate"] = "2026-11-01", ["actorId"] = unit.Secretary.ToString(),
        };
        var refusal = await ApiClient.ExpectAsync(await Api.PostAsync("/api/applications", body), HttpStatusCode.UnprocessableEntity);
        var unmet = Assert.Single(refusal["unmetRules"]!.AsArray())!;
        Assert.Equal("person-details-match", unmet["ruleId"]!.GetValue<string>());
        Assert.Contains("申请人", unmet["message"]!["zh"]!.GetValue<string>());
        Assert.Contains("王五", unmet["message"]!["en"]!.GetValue<string>());
        Assert.Equal(["person.name", "person.gender"], unmet["fields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal("申请人", (await Api.GetAsync($"/api/instances/{first}"))["subjectName"]!.GetValue<string>());
        Assert.Equal(person, await unit.PersonIdAsync(first));
    }

    [Fact]
    public async Task A_replay_with_the_same_key_and_body_is_replayed_without_the_first_if_match()
    {
        var unit = await Unit.CreateAsync(Api);
        var instance = await unit.ApplyAsync("2026-11-01");
        var facts = () => new JsonObject { ["date"] = "2026-11-10", ["talkerId"] = unit.Secretary.ToString(), ["notes"] = "谈话" };
        var first = await ApiClient.ExpectAsync(await Api.ActAsync(instance, "initial-talk", facts(), unit.Secretary, idempotencyKey: "talk-1", ifMatch: "\"1\""), HttpStatusCode.OK);
        var replay = await ApiClient.ExpectAsync(await Api.ActAsync(instance, "initial-talk", facts(), unit.Secretary, idempotencyKey: "talk-1"), HttpStatusCode.OK);
        Assert.Equal(first.ToJsonString(), replay.ToJsonString());
        Assert.Equal(2, (await unit.ViewAsync(instance))["history"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_first_start_prints_its_address_last_shows_a_home_page_and_has_reminders_in_the_inbox()
    {
        var port = Ports.Free();
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ConnectionStrings__Default"] = TestDatabases.CreateSqlite(),
                ["PartyWorkflow__Reminders__SchedulerEnabled"] = "false",
            },
        };
        using var process = Process.Start(start)!;
        try
        {
            var lines = new List<string>();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                if (line.Contains("is running at")) break;
            }
            var more = process.StandardOutput.ReadLineAsync();
            var first = await Task.WhenAny(more, Task.Delay(TimeSpan.FromSeconds(3)));
            Assert.False(first == more, $"printed after the address: {(first == more ? await more : "")}");
            Assert.Equal($"PartyWorkflow is running at http://127.0.0.1:{port} (API reference: http://127.0.0.1:{port}/scalar)", lines[^1]);

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var home = await http.GetStringAsync("/");
            Assert.Contains("PartyWorkflow", home);
            Assert.Contains("href=\"/scalar\"", home);
            // The demo users were printed before the address: sign in as the demo administrator.
            await DemoUsers.SignInAsync(http, string.Join("\n", lines), "demo-admin");

            var branches = (await http.GetFromJsonAsync<JsonArray>("/api/party-organizations?kind=branch"))!;
            var inbox = new List<JsonNode?>();
            foreach (var branch in branches) inbox.AddRange((await http.GetFromJsonAsync<JsonArray>($"/api/inbox?organization={branch!["id"]}"))!);
            Assert.NotEmpty(inbox);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public void The_readme_says_which_of_the_25_steps_repeat()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root()!, "README.md"));
        Assert.Contains("25 steps, two of which (6 and 21) repeat", readme);
    }

    private Task<HttpResponseMessage> PostTextAsync(string path, string json) =>
        Api.Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response) =>
        (await ApiClient.ExpectAsync(response, HttpStatusCode.BadRequest))["errors"]!.AsObject()
        .ToDictionary(e => e.Key, e => e.Value!.AsArray().Select(m => m!.GetValue<string>()).ToArray());
}
