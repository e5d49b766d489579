using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PartyWorkflow.Api.Tests.Infrastructure;

namespace PartyWorkflow.Api.Tests;

/// <summary>
/// Sign-in and who may act: anonymous requests are 401 except the few public routes; a role acts
/// only within its scope (403 <c>actor-not-permitted</c>); nobody takes a step of their own process
/// (403 <c>actor-not-subject</c>); only administrators manage users; changed roles void a refresh token;
/// repeated wrong passwords lock the account.
/// </summary>
public sealed class AccessTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private const string Password = "Access-tests-Password-1";

    private HttpClient Anonymous() => fixture.Factory.CreateDefaultClient();

    private async Task<JsonObject> LoginAsync(string userName, string password = Password)
    {
        using var response = await Anonymous().PostAsJsonAsync("/api/auth/login", new { userName, password });
        return await ApiClient.ExpectAsync(response, HttpStatusCode.OK);
    }

    private async Task<HttpClient> AsAsync(string userName)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await LoginAsync(userName))["accessToken"]!.GetValue<string>());
        return client;
    }

    private async Task<Guid> UserAsync(string userName, Guid? person, params object[] roles)
    {
        using var admin = await AsAsync(SignedInActors.AdminUser, SignedInActors.AdminPassword);
        var created = await ApiClient.ExpectAsync(await admin.PostAsJsonAsync("/api/users", new { userName, password = Password, personId = person, roles }), HttpStatusCode.Created);
        return Guid.Parse(created["id"]!.GetValue<string>());
    }

    private async Task<HttpClient> AsAsync(string userName, string password)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await LoginAsync(userName, password))["accessToken"]!.GetValue<string>());
        return client;
    }

    private static JsonObject Talk(Guid talker) => new() { ["date"] = "2023-06-15", ["talkerId"] = talker.ToString(), ["notes"] = "谈话" };

    [Fact]
    public async Task Only_the_public_routes_answer_without_a_sign_in()
    {
        using var anonymous = Anonymous();
        foreach (var path in new[] { "/", "/health" })
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);
        foreach (var path in new[] { "/api/instances", "/api/members", "/api/party-organizations", "/api/deadlines", "/api/users", "/openapi/v1.json", "/api/auth/me" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = SignedInActors.AdminUser, password = "wrong" })).StatusCode);
    }

    [Fact]
    public async Task A_branch_role_acts_for_its_own_branch_only_and_never_on_its_own_process()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var other = await Unit.CreateAsync(fixture.Api);
        var instance = await unit.ApplyAsync();
        var elsewhere = await other.ApplyAsync();
        await UserAsync("secretary-a", unit.Secretary, new { role = "branch", scopeOrganizationId = unit.Branch });
        using var secretary = await AsAsync("secretary-a");

        var refused = await secretary.PostAsJsonAsync($"/api/instances/{elsewhere}/actions/initial-talk", Talk(unit.Secretary));
        Assert.Equal("actor-not-permitted", (await ApiClient.ExpectAsync(refused, HttpStatusCode.Forbidden))["unmetRules"]![0]!["ruleId"]!.GetValue<string>());
        Assert.Equal(1, (await fixture.Api.GetAsync($"/api/instances/{elsewhere}"))["version"]!.GetValue<int>());
        // Reads follow the scope: the other branch's application is not found, and not listed.
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/instances/{elsewhere}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"/api/instances/{instance}")).StatusCode);
        var listed = await ApiClient.ExpectAsync(await secretary.GetAsync("/api/instances?pageSize=200"), HttpStatusCode.OK);
        Assert.Equal([instance.ToString()], listed["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        var taken = await ApiClient.ExpectAsync(await secretary.PostAsJsonAsync($"/api/instances/{instance}/actions/initial-talk", Talk(unit.Secretary)), HttpStatusCode.OK);
        var history = (await fixture.Api.GetAsync($"/api/instances/{instance}"))["history"]!.AsArray();
        Assert.Equal((unit.Secretary.ToString(), "branch"), (history[^1]!["actorId"]!.GetValue<string>(), history[^1]!["actorRole"]!.GetValue<string>()));
        Assert.Equal("initial-talk", taken["actionId"]!.GetValue<string>());

        // The applicant, even holding the branch's role, takes no step of their own application.
        var applicant = Guid.Parse((await fixture.Api.GetAsync($"/api/instances/{instance}"))["subjectId"]!.GetValue<string>());
        await UserAsync("applicant-a", applicant, new { role = "branch", scopeOrganizationId = unit.Branch });
        using var self = await AsAsync("applicant-a");
        var own = await self.PostAsJsonAsync($"/api/instances/{instance}/actions/confirm-activist", new { date = "2023-07-01", recommendationMethod = "member-recommendation" });
        Assert.Equal("actor-not-subject", (await ApiClient.ExpectAsync(own, HttpStatusCode.Forbidden))["unmetRules"]![0]!["ruleId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_administrators_manage_users_and_changed_roles_void_the_refresh_token()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var user = await UserAsync("secretary-b", unit.Secretary, new { role = "branch", scopeOrganizationId = unit.Branch });
        var tokens = await LoginAsync("secretary-b");
        using var secretary = await AsAsync("secretary-b");
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostAsJsonAsync("/api/users", new { userName = "x", password = Password })).StatusCode);
        var me = await ApiClient.ExpectAsync(await secretary.GetAsync("/api/auth/me"), HttpStatusCode.OK);
        Assert.Equal(unit.Secretary.ToString(), me["personId"]!.GetValue<string>());

        using var admin = await AsAsync(SignedInActors.AdminUser, SignedInActors.AdminPassword);
        await ApiClient.ExpectAsync(await admin.PutAsJsonAsync($"/api/users/{user}/roles", new { roles = new[] { new { role = "party-committee", scopeOrganizationId = unit.Committee } } }), HttpStatusCode.OK);
        using var refresh = await Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens["refreshToken"]!.GetValue<string>() });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);

        await ApiClient.ExpectAsync(await admin.PutAsJsonAsync($"/api/users/{user}/disabled", new { disabled = true }), HttpStatusCode.OK);
        using var disabled = await Anonymous().PostAsJsonAsync("/api/auth/login", new { userName = "secretary-b", password = Password });
        Assert.Equal(HttpStatusCode.Unauthorized, disabled.StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        await UserAsync("careless", null);
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous().PostAsJsonAsync("/api/auth/login", new { userName = "careless", password = "not-it" })).StatusCode);
        using var locked = await Anonymous().PostAsJsonAsync("/api/auth/login", new { userName = "careless", password = Password });
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("锁定", await locked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_address_and_answers_carry_security_headers()
    {
        await using var limited = new ApiFactory(await TestDatabases.CreatePostgresAsync(), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(ApiFixture.Start),
            settings: new Dictionary<string, string> { ["PartyWorkflow:SignIn:PermitsPerMinute"] = "3" });
        using var client = limited.CreateDefaultClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { userName = "nobody", password = "nothing-at-all" })).StatusCode);
        using var limitedOut = await client.PostAsJsonAsync("/api/auth/login", new { userName = SignedInActors.AdminUser, password = SignedInActors.AdminPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, limitedOut.StatusCode);
        Assert.Contains("一分钟", await limitedOut.Content.ReadAsStringAsync());

        using var health = await client.GetAsync("/health");
        Assert.Equal("nosniff", health.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", health.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", health.Headers.GetValues("Referrer-Policy").Single());
        // CORS is closed: a cross-origin request gets no permission back.
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/instances");
        preflight.Headers.Add("Origin", "https://elsewhere.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        using var answer = await client.SendAsync(preflight);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Rights_are_changed_only_from_above_the_record()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        await UserAsync("secretary-c", unit.Secretary, new { role = "branch", scopeOrganizationId = unit.Branch });
        await UserAsync("committee-c", unit.Members[1], new { role = "party-committee", scopeOrganizationId = unit.Committee });
        using var secretary = await AsAsync("secretary-c");
        using var committee = await AsAsync("committee-c");
        var member = unit.Members[5];

        // A branch changes a member's party group, not their vote; the committee above may.
        await ApiClient.ExpectAsync(await secretary.PatchAsJsonAsync($"/api/members/{member}", new { partyGroup = "第二党小组" }), HttpStatusCode.OK);
        var refused = await secretary.PatchAsJsonAsync($"/api/members/{member}", new { hasVotingRights = false });
        Assert.Equal("rights-change-not-permitted", (await ApiClient.ExpectAsync(refused, HttpStatusCode.Forbidden))["unmetRules"]![0]!["ruleId"]!.GetValue<string>());
        Assert.True((await fixture.Api.GetAsync($"/api/members/{member}"))["hasVotingRights"]!.GetValue<bool>());
        await ApiClient.ExpectAsync(await committee.PatchAsJsonAsync($"/api/members/{member}", new { hasVotingRights = false }), HttpStatusCode.OK);

        // A committee does not decide its own approval authority: that is decided above it.
        var own = await committee.PatchAsJsonAsync($"/api/party-organizations/{unit.Committee}", new { hasApprovalAuthority = false });
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.True((await fixture.Api.GetAsync($"/api/party-organizations/{unit.Committee}"))["hasApprovalAuthority"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Registry_reads_inboxes_deadlines_and_feeds_follow_the_scope()
    {
        var unit = await Unit.CreateAsync(fixture.Api);
        var other = await Unit.CreateAsync(fixture.Api);
        await unit.ApplyAsync();
        await other.ApplyAsync();
        await UserAsync("secretary-d", unit.Secretary, new { role = "branch", scopeOrganizationId = unit.Branch });
        using var secretary = await AsAsync("secretary-d");

        foreach (var path in new[] { $"/api/members/{unit.Members[3]}", $"/api/party-organizations/{unit.Branch}", $"/api/inbox?organization={unit.Branch}",
                     $"/api/deadlines?organization={unit.Branch}", $"/api/deadlines/summary?organization={unit.Branch}" })
            Assert.True((await secretary.GetAsync(path)).StatusCode == HttpStatusCode.OK, path);
        foreach (var path in new[] { $"/api/members/{other.Members[3]}", $"/api/party-organizations/{other.Branch}", $"/api/party-organizations/{unit.Committee}",
                     $"/api/inbox?organization={other.Branch}", $"/api/inbox?member={other.Members[3]}", $"/api/deadlines?organization={other.Branch}",
                     $"/api/deadlines/summary?organization={other.Committee}" })
            Assert.True((await secretary.GetAsync(path)).StatusCode == HttpStatusCode.NotFound, path);

        var members = JsonNode.Parse(await secretary.GetStringAsync("/api/members"))!.AsArray().Select(m => Guid.Parse(m!["id"]!.GetValue<string>())).ToHashSet();
        Assert.Superset(unit.Members.ToHashSet(), members);
        Assert.DoesNotContain(other.Members[0], members);
        var organizations = JsonNode.Parse(await secretary.GetStringAsync("/api/party-organizations"))!.AsArray().Select(o => o!["id"]!.GetValue<string>()).ToList();
        Assert.Equal([unit.Branch.ToString()], organizations);
        var deadlines = JsonNode.Parse(await secretary.GetStringAsync("/api/deadlines"))!.AsArray();
        Assert.All(deadlines, d => Assert.Equal(unit.Branch.ToString(), d!["organizationId"]!.GetValue<string>()));
        Assert.NotEmpty(deadlines);

        // A calendar feed of one's own branch, or of oneself; not of another committee.
        await ApiClient.ExpectAsync(await secretary.PostAsJsonAsync("/api/calendar-feeds", new { organizationId = unit.Branch }), HttpStatusCode.Created);
        await ApiClient.ExpectAsync(await secretary.PostAsJsonAsync("/api/calendar-feeds", new { memberId = unit.Secretary }), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PostAsJsonAsync("/api/calendar-feeds", new { organizationId = other.Committee })).StatusCode);
    }

    [Fact]
    public async Task An_upload_signed_in_by_the_cookie_needs_the_antiforgery_token_and_one_signed_in_by_a_bearer_token_does_not()
    {
        static MultipartFormDataContent Upload() => new() { { new ByteArrayContent("x"u8.ToArray()), "file", "survey.csv" } };
        using var browser = fixture.Factory.CreateClient();
        using var signIn = await browser.PostAsJsonAsync("/api/auth/login", new { userName = SignedInActors.AdminUser, password = SignedInActors.AdminPassword, useCookies = true });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);

        using var forged = await browser.PostAsync("/api/units/import?dryRun=true", Upload());
        var refusal = await ApiClient.ExpectAsync(forged, HttpStatusCode.BadRequest);
        Assert.Contains("X-XSRF-TOKEN", refusal["errors"]!.ToJsonString());

        var token = await ApiClient.ExpectAsync(await browser.GetAsync("/api/auth/antiforgery"), HttpStatusCode.OK);
        using var withToken = new HttpRequestMessage(HttpMethod.Post, "/api/units/import?dryRun=true") { Content = Upload() };
        withToken.Headers.Add(token["headerName"]!.GetValue<string>(), token["token"]!.GetValue<string>());
        // Let through: the file itself is refused as no survey.
        var read = await ApiClient.ExpectAsync(await browser.SendAsync(withToken), HttpStatusCode.BadRequest);
        Assert.True(read["errors"]!.AsObject().ContainsKey("file"), read.ToJsonString());

        // JSON by the cookie, and uploads by a bearer token, need no token.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/auth/me")).StatusCode);
        var bearer = await ApiClient.ExpectAsync(await fixture.Api.Client.PostAsync("/api/units/import?dryRun=true", Upload()), HttpStatusCode.BadRequest);
        Assert.True(bearer["errors"]!.AsObject().ContainsKey("file"), bearer.ToJsonString());
    }

    [Fact]
    public async Task An_instructor_acts_as_the_branch_covering_the_units_assigned_to_them_and_nowhere_else()
    {
        var covering = await Unit.CreateAsync(fixture.Api);
        var other = await Unit.CreateAsync(fixture.Api);
        var enterprise = await new Units.Registry(fixture.Api).UnitAsync("non-public-enterprise", Units.Registry.CountyA);
        Assert.Equal(HttpStatusCode.Created, (await fixture.Api.Client.PostAsJsonAsync($"/api/party-organizations/{covering.Branch}/covered-units",
            new { unitIds = new[] { enterprise }, from = "2026-01-01" })).StatusCode);
        var instructor = covering.Members[4];
        await ApiClient.ExpectAsync(await fixture.Api.Client.PostAsJsonAsync($"/api/units/{enterprise}/assignments",
            new { personId = instructor, role = "instructor", from = "2026-01-01" }), HttpStatusCode.Created);
        // The role without a scope of its own: its scope is the assignment.
        await UserAsync("instructor-of-units", instructor, new { role = "instructor" });
        using var client = await AsAsync("instructor-of-units");
        var mine = await covering.ApplyAsync("2026-11-20");
        var theirs = await other.ApplyAsync("2026-11-20");
        object Talk() => new { date = "2026-11-25", talkerId = instructor, notes = "谈话" };

        var taken = await ApiClient.ExpectAsync(await client.PostAsJsonAsync($"/api/instances/{mine}/actions/initial-talk", Talk()), HttpStatusCode.OK);
        Assert.Equal("initial-talk", taken["state"]!.GetValue<string>());
        var history = (await ApiClient.ExpectAsync(await client.GetAsync($"/api/instances/{mine}"), HttpStatusCode.OK))["history"]!.AsArray();
        Assert.Equal("branch", history[^1]!["actorRole"]!.GetValue<string>());

        Assert.Contains("actor-not-permitted", (await ApiClient.ExpectAsync(await client.PostAsJsonAsync($"/api/instances/{theirs}/actions/initial-talk", Talk()), HttpStatusCode.Forbidden)).ToJsonString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/instances/{theirs}")).StatusCode);
    }
}
