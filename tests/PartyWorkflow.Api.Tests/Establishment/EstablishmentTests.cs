using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PartyWorkflow.Api.Tests.Infrastructure;
using PartyWorkflow.Api.Tests.Units;

namespace PartyWorkflow.Api.Tests.Establishment;

/// <summary>
/// The establishment workflow over HTTP: a standalone request taken to its plaque and welcome
/// package, a joint one whose registration changes the coverage report from that date, and the
/// request's rules refusing with their ids while nothing is written.
/// </summary>
public sealed class EstablishmentTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private ApiClient Api => fixture.Api;

    private Establishments Steps => new(fixture.Api);

    [Fact]
    public async Task A_standalone_request_goes_from_request_to_plaque_and_welcome_package()
    {
        var setting = await Steps.SettingAsync();
        var (unit, members) = await Steps.UnitWithMembersAsync(setting, 3);
        var instance = await Steps.StartAsync(Establishments.Request(setting, "standalone", "branch", [unit], members));
        await Steps.ActAsync(setting, instance, "review-request", new JsonObject { ["date"] = "2026-03-20", ["decision"] = "approved" });

        // The meeting: 2 of 3 present is not more than 4/5; 3 present, and 1 yes of 3 elects no one: a further round.
        var tooFew = await Api.ActAsync(instance, "hold-founding-meeting", Establishments.Meeting("2026-04-10", members, 2, 1, (members[0], 2)), setting.Staff, "work-committee");
        Assert.Contains("election-quorum-4-5", await tooFew.Content.ReadAsStringAsync());
        var notElected = await Steps.ActAsync(setting, instance, "hold-founding-meeting", Establishments.Meeting("2026-04-10", members, 3, 1, (members[0], 1), (members[1], 1)));
        Assert.Equal("review-request", notElected["state"]!.GetValue<string>());
        var elected = await Steps.ActAsync(setting, instance, "hold-founding-meeting", Establishments.Meeting("2026-04-20", members, 3, 1, (members[0], 3), (members[1], 0)));
        Assert.Equal("hold-founding-meeting", elected["state"]!.GetValue<string>());
        await Steps.ActAsync(setting, instance, "approve-election", new JsonObject { ["date"] = "2026-04-25", ["decision"] = "approved" });
        await Steps.ActAsync(setting, instance, "register-organization", new JsonObject { ["date"] = "2026-05-01", ["sealIssued"] = true });

        var organizations = await Api.GetAsync($"/api/units/{unit}");
        var organization = Guid.Parse(organizations["coveredBy"]!.GetValue<string>());
        Assert.Equal("standalone", organizations["coverageMode"]!.GetValue<string>());
        var registered = await Api.GetAsync($"/api/party-organizations/{organization}");
        Assert.Equal(("branch", "standalone", "2026-05-01", setting.Committee.ToString()),
            (registered["kind"]!.GetValue<string>(), registered["formationMode"]!.GetValue<string>(), registered["establishedOn"]!.GetValue<string>(), registered["parentId"]!.GetValue<string>()));
        var secretary = await Api.GetAsync($"/api/members/{members[0]}");
        Assert.Equal(organization.ToString(), secretary["branchId"]!.GetValue<string>());

        await Steps.ActAsync(setting, instance, "hang-plaque", new JsonObject { ["date"] = "2026-05-10" }, "branch");
        var done = await Steps.ActAsync(setting, instance, "deliver-welcome-package", new JsonObject
        {
            ["date"] = "2026-05-20", ["items"] = new JsonArray("party-flag", "plaque", "seal", "materials", "badge", "constitution", "pen", "notebook"),
        });
        Assert.Equal("established", done["state"]!.GetValue<string>());
        var checklist = Assert.Single((await Api.GetAsync($"/api/instances/{instance}"))["materials"]!["required"]!.AsArray())!;
        Assert.Equal(("standalone-joint", "[]"), (checklist["id"]!.GetValue<string>(), checklist["missing"]!.ToJsonString()));
        // The term's end outlives the establishment: a renewal closes it (2026-04-20 + 3 years).
        var termEnd = JsonNode.Parse(await Api.Client.GetStringAsync($"/api/deadlines?kind=term-end&organization={setting.Committee}"))!.AsArray();
        Assert.Equal("2029-04-20", Assert.Single(termEnd)!["dueDate"]!.GetValue<string>());
        var records = await Api.GetAsync($"/api/party-organizations/{organization}/records");
        Assert.Equal("fixed", records["plaque"]!["kind"]!.GetValue<string>());
        Assert.True(records["welcomePackageComplete"]!.GetValue<bool>());
        var ledger = await Api.GetAsync($"/api/funds/ledger?from=2026-01-01&to=2026-12-31&organization={organization}");
        Assert.Contains("5000", ledger.ToJsonString());
    }

    [Fact]
    public async Task A_request_returned_for_changes_is_amended_and_reviewed_again()
    {
        var setting = await Steps.SettingAsync();
        var (unit, members) = await Steps.UnitWithMembersAsync(setting, 3);
        var instance = await Steps.StartAsync(Establishments.Request(setting, "standalone", "branch", [unit], members));
        var returned = await Steps.ActAsync(setting, instance, "review-request", new JsonObject { ["date"] = "2026-03-10", ["decision"] = "returned", ["reason"] = "名称不规范" });
        Assert.Equal("submit-request", returned["state"]!.GetValue<string>());
        Assert.Contains("amend-request", (await Api.GetAsync($"/api/instances/{instance}")).PermittedActionIds());

        JsonObject Amendment(Guid u, string? kind = null) => new()
        {
            ["date"] = "2026-03-12", ["unitIds"] = new JsonArray(u.ToString()), ["name"] = "某某科技有限公司党支部",
            ["proposedKind"] = kind ?? "branch",
        };
        var bigger = await Api.ActAsync(instance, "amend-request", Amendment(unit, "party-committee"), setting.Staff, "work-committee");
        Assert.Contains("kind-fits-size", await bigger.Content.ReadAsStringAsync());
        var otherUnit = (await Steps.UnitWithMembersAsync(setting, 3)).Unit;
        var moved = await Api.ActAsync(instance, "amend-request", Amendment(otherUnit), setting.Staff, "work-committee");
        // Another unit: its founding members are not the request's (the units are what the request locks).
        Assert.Equal(HttpStatusCode.UnprocessableEntity, moved.StatusCode);
        await Steps.ActAsync(setting, instance, "amend-request", Amendment(unit));
        Assert.Contains("reply-due", (await Api.GetAsync($"/api/instances/{instance}")).OpenDeadlineKinds());

        await Steps.ActAsync(setting, instance, "review-request", new JsonObject { ["date"] = "2026-03-20", ["decision"] = "approved" });
        await Steps.ActAsync(setting, instance, "hold-founding-meeting", Establishments.Meeting("2026-04-20", members, 3, 1, (members[0], 3)));
        await Steps.ActAsync(setting, instance, "approve-election", new JsonObject { ["date"] = "2026-04-25", ["decision"] = "approved" });
        await Steps.ActAsync(setting, instance, "register-organization", new JsonObject { ["date"] = "2026-05-01" });
        var organization = (await Api.GetAsync($"/api/units/{unit}"))["coveredBy"]!.GetValue<string>();
        Assert.Equal("某某科技有限公司党支部", (await Api.GetAsync($"/api/party-organizations/{organization}"))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_joint_branch_covers_its_units_from_its_registration_and_not_before()
    {
        var setting = await Steps.SettingAsync();
        var (a, am) = await Steps.UnitWithMembersAsync(setting, 1, county: "990103");
        var (b, bm) = await Steps.UnitWithMembersAsync(setting, 2, county: "990103");
        var founding = am.Concat(bm).ToList();
        var instance = await Steps.StartAsync(Establishments.Request(setting, "joint", "branch", [a, b], founding));
        // The units are in an open request now: a second request for one of them is refused.
        Assert.Equal(["unit-not-covered"], await Steps.RefusedAsync(Establishments.Request(setting, "joint", "branch", [b, (await Steps.UnitWithMembersAsync(setting, 1, county: "990103")).Unit], bm)));
        await Steps.ActAsync(setting, instance, "review-request", new JsonObject { ["date"] = "2026-03-20", ["decision"] = "approved" });
        await Steps.ActAsync(setting, instance, "hold-founding-meeting", Establishments.Meeting("2026-04-20", founding, 3, 1, (founding[0], 3), (founding[1], 0)));
        await Steps.ActAsync(setting, instance, "approve-election", new JsonObject { ["date"] = "2026-04-25", ["decision"] = "approved" });
        await Steps.ActAsync(setting, instance, "register-organization", new JsonObject { ["date"] = "2026-05-01" });

        var before = await Api.GetAsync("/api/reports/coverage?asOf=2026-04-30&county=990103");
        var after = await Api.GetAsync("/api/reports/coverage?asOf=2026-05-01&county=990103");
        Assert.Equal(0, before["total"]!["covered"]!.GetValue<int>());
        Assert.Equal(2, after["total"]!["covered"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_affiliated_unit_is_covered_by_its_host_from_the_date_of_affiliation()
    {
        var setting = await Steps.SettingAsync();
        var (unit, _) = await Steps.UnitWithMembersAsync(setting, 1, county: "990104");
        var host = await Api.CreateOrganizationAsync("party-committee", name: "工业园区综合党委");
        var instance = await Steps.StartAsync(Establishments.Request(setting, "affiliated", "branch", [unit], []));
        await Steps.ActAsync(setting, instance, "review-request", new JsonObject { ["date"] = "2026-03-10", ["decision"] = "approved" });
        // The affiliation's own checklist: the request and the reply on file, the commitment letter and the record to come.
        var materials = (await Api.GetAsync($"/api/instances/{instance}"))["materials"]!;
        var list = Assert.Single(materials["required"]!.AsArray())!;
        Assert.Equal("affiliated", list["id"]!.GetValue<string>());
        Assert.Equal(["commitment-letter", "affiliation-record"], list["missing"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal(["request-letter", "approval-reply", "commitment-letter", "affiliation-record"],
            materials["checklist"]!.AsArray().Select(d => d!["documentId"]!.GetValue<string>()));
        // No founding meeting on this path.
        var meeting = await Api.ActAsync(instance, "hold-founding-meeting", Establishments.Meeting("2026-03-20", [setting.Staff], 1, 1, (setting.Staff, 1)), setting.Staff, "work-committee");
        Assert.Contains("step-fits-mode", await meeting.Content.ReadAsStringAsync());
        await Steps.ActAsync(setting, instance, "register-affiliation", new JsonObject { ["date"] = "2026-04-01", ["hostOrganizationId"] = host.ToString() });
        var view = await Api.GetAsync($"/api/units/{unit}");
        Assert.Equal((host.ToString(), "affiliated"), (view["coveredBy"]!.GetValue<string>(), view["coverageMode"]!.GetValue<string>()));
        var done = await Steps.ActAsync(setting, instance, "hang-plaque", new JsonObject { ["date"] = "2026-04-10" }, "branch");
        Assert.Equal("established", done["state"]!.GetValue<string>());
        Assert.Equal(0, (await Api.GetAsync("/api/reports/coverage?asOf=2026-03-31&county=990104"))["total"]!["covered"]!.GetValue<int>());
        Assert.Equal(1, (await Api.GetAsync("/api/reports/coverage?asOf=2026-04-01&county=990104"))["total"]!["covered"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_dispatched_request_gives_work_coverage_then_resumes_as_standalone_once_three_full_members_are_registered()
    {
        var setting = await Steps.SettingAsync();
        var (unit, _) = await Steps.UnitWithMembersAsync(setting, 0, county: "990102");
        var instance = await Steps.StartAsync(Establishments.Request(setting, "dispatched", "branch", [unit], []));
        await Steps.ActAsync(setting, instance, "review-request", new JsonObject { ["date"] = "2026-03-10", ["decision"] = "approved" });
        await Steps.ActAsync(setting, instance, "assign-instructor", new JsonObject { ["date"] = "2026-03-15", ["personId"] = setting.Staff.ToString(), ["role"] = "instructor" });
        var report = await Api.GetAsync("/api/reports/coverage?asOf=2026-03-20&county=990102");
        Assert.Equal((0, 1), (report["total"]!["covered"]!.GetValue<int>(), report["total"]!["workCovered"]!.GetValue<int>()));

        JsonObject Resume(IEnumerable<Guid> founding) => new()
        {
            ["date"] = "2026-09-01", ["mode"] = "standalone", ["unitIds"] = new JsonArray(unit.ToString()),
            ["foundingMemberIds"] = new JsonArray(founding.Select(m => (JsonNode)m.ToString()).ToArray()),
        };
        // Two full members are not enough to stand alone.
        var members = new List<Guid>();
        for (var i = 0; i < 2; i++) members.Add(await RegisterMemberAsync(setting, unit, i));
        var early = await Api.ActAsync(instance, "resume-as-standalone", Resume(members), setting.Staff, "work-committee");
        Assert.Contains("standalone-min-3-full-members", await early.Content.ReadAsStringAsync());
        members.Add(await RegisterMemberAsync(setting, unit, 2));
        string ChecklistOf(JsonNode view) => Assert.Single(view["materials"]!["required"]!.AsArray())!["id"]!.GetValue<string>();
        Assert.Equal("dispatched", ChecklistOf(await Api.GetAsync($"/api/instances/{instance}")));
        var resumed = await Steps.ActAsync(setting, instance, "resume-as-standalone", Resume(members));
        Assert.Equal("submit-request", resumed["state"]!.GetValue<string>());
        // Resumed as standalone, the request follows the standalone checklist.
        Assert.Equal("standalone-joint", ChecklistOf(await Api.GetAsync($"/api/instances/{instance}")));

        await Steps.ActAsync(setting, instance, "review-request", new JsonObject { ["date"] = "2026-09-10", ["decision"] = "approved" });
        await Steps.ActAsync(setting, instance, "hold-founding-meeting", Establishments.Meeting("2026-09-20", members, 3, 1, (members[0], 3), (members[1], 0)));
        await Steps.ActAsync(setting, instance, "approve-election", new JsonObject { ["date"] = "2026-09-25", ["decision"] = "approved" });
        await Steps.ActAsync(setting, instance, "register-organization", new JsonObject { ["date"] = "2026-10-01" });
        var view = await Api.GetAsync($"/api/units/{unit}");
        Assert.Equal("standalone", view["coverageMode"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_temporary_organization_is_appointed_registered_with_a_mobile_plaque_and_dissolved_when_its_project_ends()
    {
        var setting = await Steps.SettingAsync();
        var (unit, _) = await Steps.UnitWithMembersAsync(setting, 0, county: "990104");
        var request = Establishments.Request(setting, "functional", "branch", [unit], []);
        request["projectName"] = "州城棚户区改造项目";
        request["projectEndsOn"] = "2026-07-01";
        Assert.Equal(["project-end-date"], await Steps.RefusedAsync(request));
        request["projectEndsOn"] = "2027-06-30";
        var instance = await Steps.StartAsync(request);
        var approved = await Steps.ActAsync(setting, instance, "review-request", new JsonObject
        {
            ["date"] = "2026-03-10", ["decision"] = "approved", ["secretaryId"] = setting.Staff.ToString(), ["memberIds"] = new JsonArray(setting.Staff.ToString()),
        });
        Assert.Equal("approve-election", approved["state"]!.GetValue<string>());
        await Steps.ActAsync(setting, instance, "register-organization", new JsonObject { ["date"] = "2026-03-15" });
        Assert.Contains("project-end", (await Api.GetAsync($"/api/instances/{instance}")).OpenDeadlineKinds());
        await Steps.ActAsync(setting, instance, "hang-plaque", new JsonObject { ["date"] = "2026-03-20" }, "branch");
        Assert.Contains("dissolve", (await Api.GetAsync($"/api/instances/{instance}")).PermittedActionIds());

        // A temporary organization develops no members.
        var covering = await Api.GetAsync($"/api/units/{unit}");
        Assert.Equal("functional", covering["coverageMode"]!.GetValue<string>());
        var temporary = Guid.Parse(covering["coveredBy"]!.GetValue<string>());
        var application = await Api.SubmitAsync(temporary, setting.Staff, CitizenIds.For(new DateOnly(1999, 9, 9)), "2026-04-01");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, application.StatusCode);
        Assert.Contains("temporary-branch-no-admission", await application.Content.ReadAsStringAsync());

        var dissolved = await Steps.ActAsync(setting, instance, "dissolve", new JsonObject { ["date"] = "2026-11-01", ["reason"] = "项目提前结束" });
        Assert.Equal("dissolved", dissolved["state"]!.GetValue<string>());
        Assert.Empty((await Api.GetAsync($"/api/instances/{instance}")).OpenDeadlineKinds());
        var report = await Api.GetAsync("/api/reports/coverage?asOf=2026-06-30&county=990104");
        Assert.Equal(0, report["total"]!["covered"]!.GetValue<int>());
        Assert.Empty(report["misfits"]!.AsArray());
        var staff = await Api.GetAsync($"/api/members/{setting.Staff}");
        Assert.Equal(setting.Holding.ToString(), staff["branchId"]!.GetValue<string>());
        // The appointed secretary is on the temporary organization's record (its membership stays where it was).
        var appointed = Assert.Single((await Api.GetAsync($"/api/party-organizations/{temporary}/records"))["appointments"]!.AsArray())!;
        Assert.Equal((setting.Staff.ToString(), "secretary", "2026-03-15"),
            (appointed["personId"]!.GetValue<string>(), appointed["role"]!.GetValue<string>(), appointed["from"]!.GetValue<string>()));
    }

    private async Task<Guid> RegisterMemberAsync(Establishments.Setting setting, Guid unit, int i)
    {
        var member = await ApiClient.ExpectAsync(await Api.Client.PostAsJsonAsync("/api/members", new
        {
            name = $"新党员{i}", gender = "female", ethnicity = "汉族", citizenId = CitizenIds.For(new DateOnly(1990 + i, 3, 3)), branchId = setting.Holding, membership = "full", unitId = unit,
        }), HttpStatusCode.Created);
        return Guid.Parse(member["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Requests_that_break_the_size_rules_are_refused_by_rule_id_and_write_nothing()
    {
        var setting = await Steps.SettingAsync();
        var (two, twoMembers) = await Steps.UnitWithMembersAsync(setting, 2);
        var (three, threeMembers) = await Steps.UnitWithMembersAsync(setting, 3);
        var (one, oneMembers) = await Steps.UnitWithMembersAsync(setting, 1, industry: "G", county: Registry.CountyB);
        var six = new List<Guid>();
        for (var i = 0; i < 6; i++) six.Add((await Steps.UnitWithMembersAsync(setting, 0)).Unit);
        var instances = (await Api.GetAsync("/api/instances?definition=organization-establishment"))["total"]?.GetValue<int>();

        // Two full members: neither a standalone organization nor a branch.
        Assert.Equal(["kind-fits-size", "standalone-min-3-full-members"], await Steps.RefusedAsync(Establishments.Request(setting, "standalone", "branch", [two], twoMembers)));
        Assert.Equal(["joint-only-below-3"], await Steps.RefusedAsync(Establishments.Request(setting, "joint", "branch", [three, two], threeMembers)));
        Assert.Equal(["founding-members-in-units", "joint-2-to-5-units", "joint-min-3-full-members", "kind-fits-size"], await Steps.RefusedAsync(Establishments.Request(setting, "joint", "branch", six, [])));
        Assert.Equal(["joint-same-county-or-industry"], await Steps.RefusedAsync(Establishments.Request(setting, "joint", "branch", [two, one], twoMembers.Concat(oneMembers))));
        Assert.Equal(["founding-members-in-units"], await Steps.RefusedAsync(Establishments.Request(setting, "standalone", "branch", [three], [.. threeMembers, twoMembers[0]])));
        Assert.Equal(["kind-fits-size"], await Steps.RefusedAsync(Establishments.Request(setting, "standalone", "party-committee", [three], threeMembers)));
        Assert.Equal(instances, (await Api.GetAsync("/api/instances?definition=organization-establishment"))["total"]?.GetValue<int>());
    }

    [Fact]
    public async Task Where_the_units_leader_is_a_member_the_request_is_warned_to_propose_them_as_secretary()
    {
        var setting = await Steps.SettingAsync();
        var (unit, members) = await Steps.UnitWithMembersAsync(setting, 3);
        await ApiClient.ExpectAsync(await Api.Client.PatchAsJsonAsync($"/api/units/{unit}", new { leaderIsMember = true }), HttpStatusCode.OK);

        var warned = await ApiClient.ExpectAsync(await Api.PostAsync("/api/establishments", Establishments.Request(setting, "standalone", "branch", [unit], members)), HttpStatusCode.Created);
        Assert.Equal("secretary-prefers-leader", Assert.Single(warned["warnings"]!.AsArray())!["ruleId"]!.GetValue<string>());
        await Steps.ActAsync(setting, Guid.Parse(warned["id"]!.GetValue<string>()), "withdraw", new JsonObject { ["date"] = "2026-03-03", ["reason"] = "重新提出" });

        var request = Establishments.Request(setting, "standalone", "branch", [unit], members);
        request["proposedSecretaryId"] = members[0].ToString();
        request["proposedSecretaryIsLeader"] = true;
        var quiet = await ApiClient.ExpectAsync(await Api.PostAsync("/api/establishments", request), HttpStatusCode.Created);
        Assert.Empty(quiet["warnings"]!.AsArray());
    }

    [Fact]
    public async Task The_founding_meetings_rules_refuse_and_pass_at_their_boundaries()
    {
        var setting = await Steps.SettingAsync();
        var (unit, members) = await Steps.UnitWithMembersAsync(setting, 10);
        var instance = await Steps.StartAsync(Establishments.Request(setting, "standalone", "branch", [unit], members));
        await Steps.ActAsync(setting, instance, "review-request", new JsonObject { ["date"] = "2026-03-20", ["decision"] = "approved" });
        async Task<string[]> Refused(JsonObject meeting)
        {
            using var response = await Api.ActAsync(instance, "hold-founding-meeting", meeting, setting.Staff, "work-committee");
            return (await ApiClient.ExpectAsync(response, HttpStatusCode.UnprocessableEntity))["unmetRules"]!.AsArray()
                .Select(r => r!["ruleId"]!.GetValue<string>()).ToArray();
        }
        (Guid, int)[] Votes(params int[] yes) => yes.Select((y, i) => (members[i], y)).ToArray();

        // 8 of 10 entitled present is not more than 4/5; ballots beyond those present do not add up.
        Assert.Contains("election-quorum-4-5", await Refused(Establishments.Meeting("2026-04-10", members, 8, 5, Votes(8, 8, 8, 8, 8, 0))));
        var overCast = Establishments.Meeting("2026-04-10", members, 9, 5, Votes(9, 9, 9, 9, 9, 0));
        overCast["ballotsCast"] = 10;
        Assert.Contains("election-tally-consistent", await Refused(overCast));
        // 10 full members elect a committee, not just a secretary; 5 candidates for 5 seats are not 20% more.
        Assert.Contains("committee-when-7", await Refused(Establishments.Meeting("2026-04-10", members, 9, 1, Votes(9))));
        Assert.Contains("candidates-20-percent-more", await Refused(Establishments.Meeting("2026-04-10", members, 9, 5, Votes(9, 9, 9, 9, 9))));

        // 9 present, 6 candidates for 5 seats: valid. 5 yes of 10 entitled is not over half: a seat is left
        // empty, recorded (decided by elected-by-majority), and a further round elects with 6.
        var short1 = await Steps.ActAsync(setting, instance, "hold-founding-meeting", Establishments.Meeting("2026-04-10", members, 9, 5, Votes(9, 9, 9, 9, 5, 0)));
        Assert.Equal(("seats-not-filled", "elected-by-majority"), (short1["outcome"]!.GetValue<string>(), short1["decidedBy"]!["ruleId"]!.GetValue<string>()));
        var elected = await Steps.ActAsync(setting, instance, "hold-founding-meeting", Establishments.Meeting("2026-04-20", members, 9, 5, Votes(9, 9, 9, 9, 6, 0)));
        Assert.Equal(("elected", "hold-founding-meeting"), (elected["outcome"]!.GetValue<string>(), elected["state"]!.GetValue<string>()));
    }
}
