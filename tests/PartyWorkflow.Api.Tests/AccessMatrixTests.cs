using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PartyWorkflow.Api.Tests.Infrastructure;
using PartyWorkflow.Api.Tests.Units;
using Xunit.Abstractions;

namespace PartyWorkflow.Api.Tests;

/// <summary>
/// Every route × every role × a record inside the user's scope and one outside it, against the table
/// below. The users hold their roles in county A (a branch, its party committee, the county's work
/// committee); county B is outside. A route in the OpenAPI document without a row fails the test, and
/// so does a row for a route that is not there.
/// </summary>
/// <remarks>
/// A request that passes the access check may still be refused by what it says (a missing field, a
/// rule): that is "allowed" here, as the table is about who may ask, not what is asked. Requests are
/// built to change nothing that a later one depends on.
/// </remarks>
public sealed class AccessMatrixTests(PostgresFixture fixture, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    private const string Password = "Matrix-tests-Password-1";
    private const string Anonymous = "anonymous";
    private static readonly string[] Roles = ["branch", "instructor", "party-committee", "organization-department", "work-committee", "admin", Anonymous];

    /// <summary>How a request ends for access: it ran (whatever it answered), 403, 404, 401.</summary>
    private enum Access { Allowed, Forbidden, Hidden, Unauthorized }

    private enum Side { Inside, Outside }

    /// <summary>One side of the world: a county's work committee, party committee, branch, members, unit, application, feed, reminder.</summary>
    private sealed record Place(Guid WorkCommittee, Guid Committee, Guid Branch, IReadOnlyList<Guid> Members, Guid Unit, Guid Instance, Guid Feed, Guid Reminder, Guid TrainingClass, string County);

    private sealed record World(Place A, Place B, string FeedToken, Guid Throwaway)
    {
        public Place Of(Side side) => side == Side.Inside ? A : B;
    }

    private sealed record Request(string Method, string Path, JsonObject? Body = null);

    /// <summary>
    /// A row: the request for each side, and what each role gets. For a list, <see cref="Lists"/> says
    /// whether the answer holds the side's record; the role's expectation is then Allowed (listed) or Hidden (left out).
    /// </summary>
    private sealed record Row(string Method, string Route, Func<World, Side, Request> Make, Func<string, Side, Access> Expect, Func<JsonNode, World, Side, bool>? Lists = null);

    // The roles' expectations, by the route's kind.
    private static Func<string, Side, Access> Everyone => (role, _) => Access.Allowed;
    private static Func<string, Side, Access> SignedIn => (role, _) => role == Anonymous ? Access.Unauthorized : Access.Allowed;
    private static Func<string, Side, Access> AdminOnly => (role, _) => role switch { Anonymous => Access.Unauthorized, "admin" => Access.Allowed, _ => Access.Forbidden };

    /// <summary>A record reached by scope: inside, the listed roles act and the others are refused; outside, it is not found (administrators reach everything).</summary>
    private static Func<string, Side, Access> Reached(params string[] roles) => (role, side) => role switch
    {
        Anonymous => Access.Unauthorized,
        "admin" => roles.Contains("admin") ? Access.Allowed : Access.Forbidden,
        _ when side == Side.Outside => Access.Hidden,
        _ => roles.Contains(role) ? Access.Allowed : Access.Forbidden,
    };

    /// <summary>A county a request names, or a report's area: outside it, refused (there is no record to hide).</summary>
    private static Func<string, Side, Access> InArea(params string[] roles) => (role, side) => role switch
    {
        Anonymous => Access.Unauthorized,
        "admin" => roles.Contains("admin") ? Access.Allowed : Access.Forbidden,
        _ => side == Side.Inside && roles.Contains(role) ? Access.Allowed : Access.Forbidden,
    };

    /// <summary>A workflow step: only the definition actor's role acts, and only within its scope (403 actor-not-permitted elsewhere).</summary>
    private static Func<string, Side, Access> Step(params string[] roles) => (r, side) => r switch
    {
        Anonymous => Access.Unauthorized,
        _ => roles.Contains(r) && side == Side.Inside ? Access.Allowed : Access.Forbidden,
    };

    private static readonly string[] AnyRole = ["branch", "instructor", "party-committee", "organization-department", "work-committee", "admin"];
    private static readonly string[] Keepers = ["branch", "party-committee", "work-committee", "organization-department", "admin"];
    private static readonly string[] Offices = ["work-committee", "organization-department", "admin"];
    private static readonly string[] Readers = ["party-committee", "work-committee", "organization-department", "admin"];

    private static bool Has(JsonNode answer, Guid id) => answer.ToJsonString().Contains(id.ToString(), StringComparison.Ordinal);

    private static JsonObject Body(params (string Name, object? Value)[] fields)
    {
        var body = new JsonObject();
        foreach (var (name, value) in fields) body[name] = value is null ? null : JsonValue.Create(value.ToString());
        return body;
    }

    private static IReadOnlyList<Row> Table() =>
    [
        // Anonymous routes.
        new("get", "/health", (_, _) => new("get", "/health"), Everyone),
        new("post", "/api/auth/login", (_, _) => new("post", "/api/auth/login", Body(("userName", "nobody"), ("password", "wrong"))), Everyone),
        new("post", "/api/auth/refresh", (_, _) => new("post", "/api/auth/refresh", Body(("refreshToken", "not-a-token"))), Everyone),
        new("get", "/api/calendar-feeds/{token}.ics", (w, _) => new("get", $"/api/calendar-feeds/{w.FeedToken}.ics"), Everyone),
        // The signed-in user and administration.
        new("post", "/api/auth/logout", (_, _) => new("post", "/api/auth/logout"), SignedIn),
        new("get", "/api/auth/me", (_, _) => new("get", "/api/auth/me"), SignedIn),
        new("get", "/api/auth/antiforgery", (_, _) => new("get", "/api/auth/antiforgery"), SignedIn),
        new("post", "/api/users", (_, _) => new("post", "/api/users", Body(("userName", "x"))), AdminOnly),
        new("get", "/api/users", (_, _) => new("get", "/api/users"), AdminOnly),
        new("put", "/api/users/{id}/roles", (w, _) => new("put", $"/api/users/{w.Throwaway}/roles", new JsonObject { ["roles"] = new JsonArray() }), AdminOnly),
        new("put", "/api/users/{id}/disabled", (w, _) => new("put", $"/api/users/{w.Throwaway}/disabled", new JsonObject { ["disabled"] = true }), AdminOnly),
        // Definitions and reference lists: every signed-in user.
        new("get", "/api/definitions", (_, _) => new("get", "/api/definitions"), SignedIn),
        new("get", "/api/definitions/{definitionId}/{version}", (_, _) => new("get", "/api/definitions/member-development/1"), SignedIn),
        new("get", "/api/definitions/{definitionId}/{version}/diagram", (_, _) => new("get", "/api/definitions/member-development/1/diagram"), SignedIn),
        new("get", "/api/reference/counties", (_, _) => new("get", "/api/reference/counties"), SignedIn),
        new("get", "/api/reference/industries", (_, _) => new("get", "/api/reference/industries"), SignedIn),
        new("get", "/api/units/import/template", (_, _) => new("get", "/api/units/import/template"), SignedIn),
        // Instances: steps by the definition actor in scope; reads and lists by scope.
        // submit-application is the branch's or an instructor's (for the units they look after).
        new("post", "/api/applications", (w, s) => new("post", "/api/applications", Application(w.Of(s))), Step("branch", "instructor")),
        new("post", "/api/definitions/{definitionId}/instances", (w, s) => new("post", "/api/definitions/member-development/instances", Application(w.Of(s))), Step("branch", "instructor")),
        new("post", "/api/establishments", (w, s) => new("post", "/api/establishments", Establishment(w.Of(s))), Step("work-committee")),
        new("post", "/api/instances/{id}/actions/{actionId}", (w, s) => new("post", $"/api/instances/{w.Of(s).Instance}/actions/initial-talk",
            Body(("date", "2026-11-20"), ("talkerId", Guid.NewGuid()), ("notes", "谈话"))), Step("branch", "instructor")),
        new("get", "/api/instances/{id}", (w, s) => new("get", $"/api/instances/{w.Of(s).Instance}"), Reached(AnyRole)),
        new("get", "/api/instances", (_, _) => new("get", "/api/instances?pageSize=200"), Reached(AnyRole), (a, w, s) => Has(a, w.Of(s).Instance)),
        new("post", "/api/instances/search", (_, _) => new("post", "/api/instances/search", Body(("pageSize", null))), Reached(AnyRole), (a, w, s) => Has(a, w.Of(s).Instance)),
        // The registry.
        new("post", "/api/party-organizations", (w, s) => new("post", "/api/party-organizations", Body(("parentId", w.Of(s).Branch))), Reached(Readers)),
        new("get", "/api/party-organizations", (_, _) => new("get", "/api/party-organizations"), Reached(AnyRole), (a, w, s) => Has(a, w.Of(s).Branch)),
        new("get", "/api/party-organizations/{id}", (w, s) => new("get", $"/api/party-organizations/{w.Of(s).Branch}"), Reached(AnyRole)),
        new("put", "/api/party-organizations/{id}", (w, s) => new("put", $"/api/party-organizations/{w.Of(s).Branch}", Body(("name", ""))), Reached(Keepers)),
        new("patch", "/api/party-organizations/{id}", (w, s) => new("patch", $"/api/party-organizations/{w.Of(s).Branch}", Body(("name", ""))), Reached(Keepers)),
        new("post", "/api/members", (w, s) => new("post", "/api/members", Body(("branchId", w.Of(s).Branch))), Reached(Keepers)),
        new("get", "/api/members", (_, _) => new("get", "/api/members"), Reached(AnyRole), (a, w, s) => Has(a, w.Of(s).Members[5])),
        new("get", "/api/members/{id}", (w, s) => new("get", $"/api/members/{w.Of(s).Members[5]}"), Reached(AnyRole)),
        new("put", "/api/members/{id}", (w, s) => new("put", $"/api/members/{w.Of(s).Members[5]}", Body(("name", ""))), Reached(Keepers)),
        new("patch", "/api/members/{id}", (w, s) => new("patch", $"/api/members/{w.Of(s).Members[5]}", Body(("name", ""))), Reached(Keepers)),
        // Whole citizen IDs and phones: the roles that never see them are refused wherever the person is.
        new("get", "/api/people/{id}/personal-data", (w, s) => new("get", $"/api/people/{w.Of(s).Members[5]}/personal-data"),
            (role, side) => role is "admin" or "instructor" or "work-committee" ? Access.Forbidden : Reached("branch", "party-committee", "organization-department")(role, side)),
        // Units and coverage: by county.
        new("post", "/api/units", (w, s) => new("post", "/api/units", Body(("countyCode", w.Of(s).County))), InArea(Offices)),
        new("get", "/api/units", (_, _) => new("get", "/api/units?pageSize=200"), Reached(AnyRole), (a, w, s) => Has(a, w.Of(s).Unit)),
        new("get", "/api/units/export", (_, _) => new("get", "/api/units/export"), SignedIn),
        new("post", "/api/units/import", (_, _) => new("post", "/api/units/import"), (role, _) => role == Anonymous ? Access.Unauthorized : Offices.Contains(role) ? Access.Allowed : Access.Forbidden),
        new("get", "/api/units/{id}", (w, s) => new("get", $"/api/units/{w.Of(s).Unit}"), Reached(AnyRole)),
        new("patch", "/api/units/{id}", (w, s) => new("patch", $"/api/units/{w.Of(s).Unit}", Body(("name", ""))), Reached(Offices)),
        new("post", "/api/units/{id}/assignments", (w, s) => new("post", $"/api/units/{w.Of(s).Unit}/assignments", Body(("role", "nobody"))), Reached(Offices)),
        new("post", "/api/party-organizations/{id}/covered-units", (w, s) => new("post", $"/api/party-organizations/{w.Of(s).Branch}/covered-units", new JsonObject()), Reached(Offices)),
        new("post", "/api/party-organizations/{id}/dissolve", (w, s) => new("post", $"/api/party-organizations/{w.Of(s).Branch}/dissolve", new JsonObject()), Reached(Offices)),
        new("post", "/api/party-organizations/{id}/adjustments", (w, s) => new("post", $"/api/party-organizations/{w.Of(s).Branch}/adjustments", new JsonObject()), Reached(Offices)),
        // Reports and exports for an area.
        new("get", "/api/reports/coverage", (w, s) => new("get", $"/api/reports/coverage?county={w.Of(s).County}"), InArea(Readers)),
        new("get", "/api/reports/terms", (w, s) => new("get", $"/api/reports/terms?county={w.Of(s).County}"), InArea(Readers)),
        new("get", "/api/reports/coverage/export", (w, s) => new("get", $"/api/reports/coverage/export?county={w.Of(s).County}"), InArea(Readers)),
        new("get", "/api/party-organizations/export", (w, s) => new("get", $"/api/party-organizations/export?county={w.Of(s).County}"), InArea(Readers)),
        new("get", "/api/funds/ledger", (w, s) => new("get", $"/api/funds/ledger?county={w.Of(s).County}&from=2026-01-01&to=2026-12-31"), InArea(Readers)),
        new("post", "/api/funds/payments", (w, s) => new("post", "/api/funds/payments", Body(("organizationId", w.Of(s).Branch))), Reached(Offices)),
        // Records of organizations and members.
        new("post", "/api/party-organizations/{id}/terms", (w, s) => new("post", $"/api/party-organizations/{w.Of(s).Branch}/terms", new JsonObject()), Reached(Keepers)),
        new("post", "/api/party-organizations/{id}/plaques", (w, s) => new("post", $"/api/party-organizations/{w.Of(s).Branch}/plaques", new JsonObject()), Reached(Keepers)),
        new("put", "/api/party-organizations/{id}/welcome-package/{item}", (w, s) => new("put", $"/api/party-organizations/{w.Of(s).Branch}/welcome-package/cake", new JsonObject()), Reached(Keepers)),
        new("get", "/api/party-organizations/{id}/records", (w, s) => new("get", $"/api/party-organizations/{w.Of(s).Branch}/records"), Reached(AnyRole)),
        new("post", "/api/records", (w, s) => new("post", "/api/records", Body(("organizationId", w.Of(s).Branch))), Reached(Keepers)),
        new("get", "/api/records", (w, s) => new("get", $"/api/records?organization={w.Of(s).Branch}"), Reached(AnyRole)),
        new("post", "/api/training-classes", (w, s) => new("post", "/api/training-classes", Body(("organizerId", w.Of(s).Branch))), Reached(Readers)),
        // A class and its attendees are read within the organizer's scope (the party committee, above the branch).
        new("get", "/api/training-classes/{id}", (w, s) => new("get", $"/api/training-classes/{w.Of(s).TrainingClass}"),
            (role, side) => role is "branch" or "instructor" ? Access.Hidden : Reached(AnyRole)(role, side)),
        // Attendance is recorded by the offices reaching the class's organizer, the party committee; a branch below it does not reach it.
        new("post", "/api/training-classes/{id}/attendance", (w, s) => new("post", $"/api/training-classes/{w.Of(s).TrainingClass}/attendance", new JsonObject()),
            (role, side) => role is "branch" or "instructor" ? Access.Hidden : Reached(Readers)(role, side)),
        // Reminders, deadlines and calendar feeds.
        new("get", "/api/inbox", (w, s) => new("get", $"/api/inbox?organization={w.Of(s).Branch}"), Reached(AnyRole)),
        new("post", "/api/inbox/{id}/read", (w, s) => new("post", $"/api/inbox/{w.Of(s).Reminder}/read"), Reached(AnyRole)),
        new("get", "/api/deadlines", (_, _) => new("get", "/api/deadlines"), Reached(AnyRole), (a, w, s) => Has(a, w.Of(s).Instance)),
        new("get", "/api/deadlines/summary", (w, s) => new("get", $"/api/deadlines/summary?organization={w.Of(s).Branch}"), Reached(AnyRole)),
        new("post", "/api/calendar-feeds", (w, s) => new("post", "/api/calendar-feeds", Body(("organizationId", w.Of(s).Branch))), Reached(AnyRole)),
        new("delete", "/api/calendar-feeds/{id}", (w, s) => new("delete", $"/api/calendar-feeds/{w.Of(s).Feed}"), Reached(AnyRole)),
    ];

    /// <summary>A request with one founding member: refused by the size rule once the role has been let through.</summary>
    private static JsonObject Establishment(Place place) => new()
    {
        ["date"] = "2026-03-02", ["workCommitteeId"] = place.WorkCommittee.ToString(), ["name"] = "某公司党支部", ["mode"] = "standalone", ["proposedKind"] = "branch",
        ["unitIds"] = new JsonArray(place.Unit.ToString()), ["foundingMemberIds"] = new JsonArray(place.Members[7].ToString()),
    };

    private static JsonObject Application(Place place) => new()
    {
        // Under 18: refused by its rule once the role has been let through.
        ["person"] = new JsonObject { ["name"] = "申请人", ["gender"] = "female", ["ethnicity"] = "汉族", ["citizenId"] = CitizenIds.For(new DateOnly(2015, 1, 1)) },
        ["branchId"] = place.Branch.ToString(), ["applicationDate"] = "2026-11-20",
    };

    [Fact]
    public async Task Every_route_answers_every_role_inside_and_outside_its_scope_as_the_table_says()
    {
        var table = Table();
        var documented = (await fixture.Api.GetAsync("/openapi/v1.json"))["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(m => $"{m.Key} {p.Key}")).Order().ToList();
        Assert.Equal(documented, table.Select(r => $"{r.Method} {r.Route}").Order().ToList());

        var world = await WorldAsync();
        var users = new Dictionary<string, HttpClient>();
        foreach (var role in Roles) users[role] = await UserAsync(role, world);

        var wrong = new List<string>();
        var requests = 0;
        foreach (var row in table)
            foreach (var role in Roles)
            {
                if (row.Lists is { } lists)
                {
                    var request = row.Make(world, Side.Inside);
                    using var response = await SendAsync(users[role], request);
                    requests++;
                    var outcome = Classify(response, await response.Content.ReadAsStringAsync());
                    foreach (var side in new[] { Side.Inside, Side.Outside })
                    {
                        var expected = row.Expect(role, side);
                        var seen = outcome != Access.Allowed ? outcome
                            : lists(JsonNode.Parse(await response.Content.ReadAsStringAsync())!, world, side) ? Access.Allowed : Access.Hidden;
                        if (seen != expected)
                            wrong.Add($"{row.Method} {row.Route} as {role}, {side}: expected {expected}, got {seen} ({(int)response.StatusCode})");
                    }
                    continue;
                }
                foreach (var side in new[] { Side.Inside, Side.Outside })
                {
                    var request = row.Make(world, side);
                    using var response = await SendAsync(users[role], request);
                    requests++;
                    var text = await response.Content.ReadAsStringAsync();
                    var seen = Classify(response, text);
                    var expected = row.Expect(role, side);
                    if (seen != expected)
                        wrong.Add($"{row.Method} {row.Route} as {role}, {side}: expected {expected}, got {seen} ({(int)response.StatusCode} {Shorten(text)})");
                }
            }
        output.WriteLine($"{table.Count} routes, {Roles.Length} roles, {requests} requests");
        Assert.True(wrong.Count == 0, $"{wrong.Count} answers differ from the table:\n{string.Join("\n", wrong)}");
    }

    private static Access Classify(HttpResponseMessage response, string text) => (int)response.StatusCode switch
    {
        // A wrong password or refresh token is the route's own answer, not the sign-in gate's.
        401 when text.Contains("Sign-in failed", StringComparison.Ordinal) => Access.Allowed,
        401 => Access.Unauthorized,
        403 => Access.Forbidden,
        404 => Access.Hidden,
        _ => Access.Allowed,
    };

    private static string Shorten(string text) => text.Length > 200 ? text[..200] : text;

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Request request)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method.ToUpperInvariant()), request.Path);
        if (request.Body is not null) message.Content = new StringContent(request.Body.ToJsonString(), Encoding.UTF8, "application/json");
        else if (request.Method is "post" or "put" or "patch") message.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        // A file that binds (and is then refused as no survey, once the role has been let through).
        if (request.Path == "/api/units/import") message.Content = new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "file", "survey.csv" } };
        return client.SendAsync(message);
    }

    /// <summary>County A and county B, each a work committee, a party committee with approval authority, a branch, members, a unit, an application and its reminder.</summary>
    private async Task<World> WorldAsync()
    {
        var api = fixture.Api;
        var prefecture = await OrganizationAsync(api, "州两新工委", "work-committee", null, "990000");
        async Task<Place> PlaceAsync(string county)
        {
            var workCommittee = await OrganizationAsync(api, $"{county}两新工委", "work-committee", prefecture, county);
            var committee = await OrganizationAsync(api, $"{county}综合党委", "party-committee", workCommittee, county, approvalAuthority: true);
            var branch = await OrganizationAsync(api, $"{county}某公司党支部", "branch", committee, county);
            var members = new List<Guid>();
            for (var i = 0; i < 8; i++) members.Add(await api.CreateMemberAsync(branch, name: $"党员{i}"));
            var unit = await new Registry(api).UnitAsync("non-public-enterprise", county);
            // The branch covers the unit, whose instructor (member 2) reaches the branch through it.
            Assert.Equal(HttpStatusCode.Created, (await api.Client.PostAsJsonAsync($"/api/party-organizations/{branch}/covered-units", new { unitIds = new[] { unit }, from = "2026-01-01" })).StatusCode);
            if (county == Registry.CountyA)
                await ApiClient.ExpectAsync(await api.Client.PostAsJsonAsync($"/api/units/{unit}/assignments", new { personId = members[2], role = "instructor", from = "2026-01-01" }), HttpStatusCode.Created);
            var instance = Guid.Parse((await ApiClient.ExpectAsync(await api.SubmitAsync(branch, members[0], CitizenIds.For(new DateOnly(1996, 3, 3)), "2026-10-30"), HttpStatusCode.Created))["id"]!.GetValue<string>());
            var feed = await ApiClient.ExpectAsync(await api.PostAsync("/api/calendar-feeds", new JsonObject { ["organizationId"] = branch.ToString() }), HttpStatusCode.Created);
            var training = await ApiClient.ExpectAsync(await api.PostAsync("/api/training-classes", new JsonObject
            {
                ["name"] = "入党积极分子培训班", ["kind"] = "activists", ["organizerId"] = committee.ToString(), ["startsOn"] = "2026-10-01", ["endsOn"] = "2026-10-03", ["days"] = 3, ["classHours"] = 24,
            }), HttpStatusCode.Created);
            return new Place(workCommittee, committee, branch, members, unit, instance, Guid.Parse(feed["id"]!.GetValue<string>()), Guid.Empty,
                Guid.Parse(training["id"]!.GetValue<string>()), county);
        }
        var a = await PlaceAsync(Registry.CountyA);
        var b = await PlaceAsync(Registry.CountyB);
        await fixture.Factory.SweepAsync();
        async Task<Guid> ReminderAsync(Place place) => (await fixture.Factory.RemindersAsync(place.Instance)).First().Id;
        var token = await ApiClient.ExpectAsync(await fixture.Api.PostAsync("/api/calendar-feeds", new JsonObject { ["organizationId"] = a.Branch.ToString() }), HttpStatusCode.Created);
        var throwaway = await ApiClient.ExpectAsync(await api.Client.PostAsJsonAsync("/api/users", new { userName = "matrix-throwaway", password = Password }), HttpStatusCode.Created);
        return new World(a with { Reminder = await ReminderAsync(a) }, b with { Reminder = await ReminderAsync(b) },
            token["url"]!.GetValue<string>().Split('/')[^1].Replace(".ics", "", StringComparison.Ordinal), Guid.Parse(throwaway["id"]!.GetValue<string>()));
    }

    private static async Task<Guid> OrganizationAsync(ApiClient api, string name, string kind, Guid? parentId, string county, bool approvalAuthority = false)
    {
        var created = await ApiClient.ExpectAsync(await api.Client.PostAsJsonAsync("/api/party-organizations",
            new { name, kind, parentId, countyCode = county, hasApprovalAuthority = approvalAuthority }), HttpStatusCode.Created);
        return Guid.Parse(created["id"]!.GetValue<string>());
    }

    /// <summary>A user of the role, scoped in county A (the branch, the party committee, the work committee; an instructor by the unit assigned to them), linked to a member there.</summary>
    private async Task<HttpClient> UserAsync(string role, World world)
    {
        var client = fixture.Factory.CreateDefaultClient();
        if (role == Anonymous) return client;
        var userName = $"matrix-{role}";
        if (role != "admin")
        {
            var (scope, person) = role switch
            {
                "branch" => (world.A.Branch, world.A.Members[1]),
                "instructor" => (world.A.Branch, world.A.Members[2]),
                "party-committee" => (world.A.Committee, world.A.Members[3]),
                "organization-department" => (world.A.WorkCommittee, world.A.Members[4]),
                _ => (world.A.WorkCommittee, world.A.Members[6]),
            };
            // An instructor's scope is the units assigned to them: the role is held without one.
            await ApiClient.ExpectAsync(await fixture.Api.Client.PostAsJsonAsync("/api/users", new
            {
                userName, password = Password, personId = person, roles = new[] { new { role, scopeOrganizationId = role == "instructor" ? (Guid?)null : scope } },
            }), HttpStatusCode.Created);
        }
        var (name, password) = role == "admin" ? (SignedInActors.AdminUser, SignedInActors.AdminPassword) : (userName, Password);
        var tokens = await ApiClient.ExpectAsync(await client.PostAsJsonAsync("/api/auth/login", new { userName = name, password }), HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens["accessToken"]!.GetValue<string>());
        return client;
    }
}
