using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PartyWorkflow.Api.Tests.Infrastructure;

/// <summary>
/// One application's usual way through the process, as a script that can stop after any step, and
/// the checks the path tests share: a request that is turned away writes nothing.
/// </summary>
public static class Journeys
{
    /// <summary>
    /// The canonical dates after an application on 2023-06-01: the same as
    /// <see cref="Unit.AdvanceToAdmissionMeetingAsync"/> and <c>FullProcessTests</c> (admission
    /// meeting 2024-09-10, probation 2024-09-10..2025-09-10, application for full membership 2025-09-01).
    /// </summary>
    private static IEnumerable<(string Action, string Date, JsonObject Facts)> Script(Unit unit)
    {
        yield return ("initial-talk", "2023-06-15", new JsonObject { ["talkerId"] = unit.Secretary.ToString(), ["notes"] = "谈话" });
        yield return ("confirm-activist", "2023-07-01", new JsonObject { ["recommendationMethod"] = "member-recommendation" });
        yield return ("file-activist-record", "2023-07-05", []);
        yield return ("assign-contacts", "2023-07-06", new JsonObject { ["contactIds"] = new JsonArray(unit.Members[1].ToString()) });
        yield return ("record-inspection", "2024-01-01", new JsonObject { ["assessment"] = "良好" });
        yield return ("record-thought-report", "2024-02-01", new JsonObject { ["summary"] = "学习党章体会" });
        yield return ("record-inspection", "2024-07-01", new JsonObject { ["assessment"] = "良好" });
        yield return ("designate-development-target", "2024-07-01", new JsonObject { ["opinionsHeard"] = new JsonArray("party-group", "members") });
        yield return ("file-target-record", "2024-07-05", []);
        yield return ("assign-sponsors", "2024-07-06", new JsonObject { ["sponsorIds"] = new JsonArray(unit.Members[1].ToString(), unit.Members[2].ToString()) });
        yield return ("political-review", "2024-07-20", new JsonObject { ["result"] = "passed", ["conclusion"] = "政治合格" });
        yield return ("complete-training", "2024-08-01", new JsonObject { ["days"] = 3, ["classHours"] = 24 });
        yield return ("branch-committee-review", "2024-08-20", new JsonObject { ["result"] = "passed" });
        yield return ("pre-review", "2024-08-25", new JsonObject
        {
            ["result"] = "passed", ["approverOrganizationId"] = unit.Committee.ToString(), ["leavingUnitWithin3Months"] = false,
        });
        yield return ("fill-application-form", "2024-09-01", new JsonObject { ["formNumber"] = "No.001" });
        yield return ("branch-meeting-admission", "2024-09-10", Unit.Tally(10, 8, 8));
        yield return ("committee-talk", "2024-09-20", new JsonObject { ["talkerId"] = unit.Members[3].ToString(), ["opinion"] = "同意" });
        yield return ("committee-approval", "2024-10-10", Approval(unit.Committee));
        yield return ("file-with-organization-department", "2024-10-15", []);
        yield return ("assign-to-group", "2024-10-20", new JsonObject { ["partyGroup"] = "第一党小组" });
        yield return ("take-oath", "2024-11-01", []);
        yield return ("record-probation-inspection", "2025-03-01", new JsonObject { ["assessment"] = "良好" });
        yield return ("apply-for-full-membership", "2025-09-01", []);
    }

    /// <summary>Takes a fresh application (state submit-application) through the script up to and including the last <paramref name="until"/>.</summary>
    public static async Task AdvanceToAsync(this Unit unit, Guid instance, string until)
    {
        var script = Script(unit).ToList();
        var last = script.FindLastIndex(s => s.Action == until);
        Assert.True(last >= 0, $"the script has no step {until}");
        foreach (var (action, date, facts) in script.Take(last + 1))
            await unit.ActAsync(instance, action, date, facts);
    }

    /// <summary>A new application on 2023-06-01, taken up to and including <paramref name="until"/>.</summary>
    public static async Task<Guid> StartAsync(this Unit unit, string until, string? citizenId = null)
    {
        var instance = await unit.ApplyAsync("2023-06-01", citizenId);
        await unit.AdvanceToAsync(instance, until);
        return instance;
    }

    public static JsonObject Approval(Guid approver, string decision = "approved", string? specialReason = null)
    {
        var facts = new JsonObject { ["decision"] = decision, ["approverOrganizationId"] = approver.ToString() };
        if (specialReason is not null) facts["specialReason"] = specialReason;
        return facts;
    }

    public static JsonObject Confirmation(string proposal, JsonObject tally, int? extensionMonths = null)
    {
        var facts = new JsonObject { ["proposal"] = proposal };
        if (extensionMonths is { } months) facts["extensionMonths"] = months;
        foreach (var (key, value) in tally) facts[key] = value?.DeepClone();
        return facts;
    }

    /// <summary>Sends an action as the secretary, in the role the step wants, and returns the raw answer.</summary>
    public static Task<HttpResponseMessage> SendAsync(this Unit unit, Guid instance, string action, string date, JsonObject? facts = null, string? role = null, Guid? actorId = null)
    {
        facts ??= [];
        facts["date"] = date;
        return unit.Api.ActAsync(instance, action, facts, actorId ?? unit.Secretary, role ?? Unit.RoleFor(action));
    }

    public static Task<JsonObject> ViewAsync(this Unit unit, Guid instance) => unit.Api.GetAsync($"/api/instances/{instance}");

    /// <summary>Sends the request, expects <paramref name="status"/>, and checks that the instance did not change (version and history).</summary>
    public static async Task<JsonObject> ExpectNothingWrittenAsync(this Unit unit, Guid instance, HttpStatusCode status, Func<Task<HttpResponseMessage>> send)
    {
        var before = await unit.ViewAsync(instance);
        var body = await ApiClient.ExpectAsync(await send(), status);
        var after = await unit.ViewAsync(instance);
        Assert.Equal(before["version"]!.GetValue<int>(), after["version"]!.GetValue<int>());
        Assert.Equal(before["state"]!.GetValue<string>(), after["state"]!.GetValue<string>());
        Assert.Equal(before["history"]!.AsArray().Count, after["history"]!.AsArray().Count);
        Assert.Equal(before["openDeadlines"]!.ToJsonString(), after["openDeadlines"]!.ToJsonString());
        return body;
    }

    /// <summary>The action is refused (422) and nothing is written; returns the unmet rule ids, sorted.</summary>
    public static async Task<string[]> RefusedAsync(this Unit unit, Guid instance, string action, string date, JsonObject? facts = null, string? role = null, Guid? actorId = null)
    {
        var body = await unit.ExpectNothingWrittenAsync(instance, HttpStatusCode.UnprocessableEntity,
            () => unit.SendAsync(instance, action, date, facts, role, actorId));
        var rules = body["unmetRules"]!.AsArray();
        Assert.All(rules, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r!["message"]!["zh"]!.GetValue<string>()));
            Assert.False(string.IsNullOrWhiteSpace(r["message"]!["en"]!.GetValue<string>()));
        });
        return rules.Select(r => r!["ruleId"]!.GetValue<string>()).Order().ToArray();
    }

    /// <summary>The action is malformed (400) and nothing is written; returns the fields named.</summary>
    public static async Task<string[]> MalformedAsync(this Unit unit, Guid instance, string action, string date, JsonObject? facts = null, string? role = null)
    {
        var body = await unit.ExpectNothingWrittenAsync(instance, HttpStatusCode.BadRequest,
            () => unit.SendAsync(instance, action, date, facts, role));
        return body["errors"]!.AsObject().Select(e => e.Key).Order().ToArray();
    }

    /// <summary>The action is not permitted in the current state (409) and nothing is written; returns the state the body names.</summary>
    public static async Task<string> NotPermittedAsync(this Unit unit, Guid instance, string action, string date, JsonObject? facts = null)
    {
        var body = await unit.ExpectNothingWrittenAsync(instance, HttpStatusCode.Conflict, () => unit.SendAsync(instance, action, date, facts));
        return body["state"]!.GetValue<string>();
    }

    public static JsonNode LastHistoryRow(this JsonObject view) => view["history"]!.AsArray()[^1]!;

    public static string[] OpenDeadlineKinds(this JsonObject view) =>
        view["openDeadlines"]!.AsArray().Select(d => d!["kind"]!.GetValue<string>()).Order().ToArray();

    public static string[] PermittedActionIds(this JsonObject view) =>
        view["permittedActions"]!.AsArray().Select(a => a!["actionId"]!.GetValue<string>()).ToArray();

    public static async Task<Guid> PersonIdAsync(this Unit unit, Guid instance) =>
        Guid.Parse((await unit.ViewAsync(instance))["subjectId"]!.GetValue<string>());

    /// <summary>
    /// The person is not a member: the registry either does not show them as a member (404, as the
    /// members routes are for full and probationary members) or shows membership "none"; either
    /// way the branch's member list leaves them out.
    /// </summary>
    public static async Task AssertNotAMemberAsync(this Unit unit, Guid personId)
    {
        var response = await unit.Api.Client.GetAsync($"/api/members/{personId}");
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            var member = await ApiClient.ExpectAsync(response, HttpStatusCode.OK);
            Assert.Equal("none", member["membership"]!.GetValue<string>());
            Assert.False(member["hasVotingRights"]!.GetValue<bool>());
        }
        var list = (await unit.Api.Client.GetFromJsonAsync<JsonArray>($"/api/members?branchId={unit.Branch}"))!;
        Assert.DoesNotContain(list, m => m!["id"]!.GetValue<string>() == personId.ToString());
    }
}
