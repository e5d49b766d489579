using System.Net;
using System.Text.Json.Nodes;

namespace PartyWorkflow.Api.Tests.Infrastructure;

/// <summary>
/// A party committee with approval authority, one branch under it and ten full members: the
/// organization an application goes through.
/// </summary>
public sealed record Unit(ApiClient Api, Guid Committee, Guid Branch, IReadOnlyList<Guid> Members)
{
    public Guid Secretary => Members[0];

    public static async Task<Unit> CreateAsync(ApiClient api)
    {
        var committee = await api.CreateOrganizationAsync("party-committee", approvalAuthority: true, name: "两新综合党委");
        var branch = await api.CreateOrganizationAsync("branch", committee, name: "某科技公司党支部");
        var members = new List<Guid>();
        for (var i = 0; i < 10; i++) members.Add(await api.CreateMemberAsync(branch, name: $"党员{i}"));
        return new Unit(api, committee, branch, members);
    }

    /// <summary>Submits an application for someone born on 1995-05-05 and returns the new instance's id.</summary>
    public async Task<Guid> ApplyAsync(string applicationDate = "2023-06-01", string? citizenId = null)
    {
        var response = await Api.SubmitAsync(Branch, Secretary, citizenId ?? CitizenIds.For(new DateOnly(1995, 5, 5)), applicationDate);
        return Guid.Parse((await ApiClient.ExpectAsync(response, HttpStatusCode.Created))["id"]!.GetValue<string>());
    }

    public async Task<JsonObject> ActAsync(Guid instance, string action, string date, JsonObject? facts = null, string? role = null)
    {
        facts ??= [];
        facts["date"] = date;
        return await ApiClient.ExpectAsync(await Api.ActAsync(instance, action, facts, Secretary, role ?? RoleFor(action)), HttpStatusCode.OK);
    }

    public static string RoleFor(string action) => action switch
    {
        "confirm-activist" or "designate-development-target" or "branch-committee-review" => "branch-committee",
        "branch-meeting-admission" or "branch-meeting-confirmation" => "branch-meeting",
        "file-activist-record" or "file-target-record" or "complete-training" or "pre-review" or "committee-talk"
            or "committee-approval" or "file-with-organization-department" or "committee-approval-confirmation" => "party-committee",
        _ => "branch",
    };

    public static JsonObject Tally(int entitled, int present, int yes, int no = 0, int abstain = 0) => new()
    {
        ["entitled"] = entitled, ["present"] = present, ["yes"] = yes, ["no"] = no, ["abstain"] = abstain,
    };

    /// <summary>Takes an application from step 2 through step 14, ready for the admission meeting on 2024-09-10.</summary>
    public async Task AdvanceToAdmissionMeetingAsync(Guid instance)
    {
        await ActAsync(instance, "initial-talk", "2023-06-15", new JsonObject { ["talkerId"] = Secretary.ToString(), ["notes"] = "谈话" });
        await ActAsync(instance, "confirm-activist", "2023-07-01", new JsonObject { ["recommendationMethod"] = "member-recommendation" });
        await ActAsync(instance, "file-activist-record", "2023-07-05");
        await ActAsync(instance, "assign-contacts", "2023-07-06", new JsonObject { ["contactIds"] = new JsonArray(Members[1].ToString()) });
        await ActAsync(instance, "record-inspection", "2024-01-01", new JsonObject { ["assessment"] = "良好" });
        await ActAsync(instance, "record-thought-report", "2024-02-01", new JsonObject { ["summary"] = "学习党章体会" });
        await ActAsync(instance, "record-inspection", "2024-07-01", new JsonObject { ["assessment"] = "良好" });
        await ActAsync(instance, "designate-development-target", "2024-07-01", new JsonObject { ["opinionsHeard"] = new JsonArray("party-group", "members") });
        await ActAsync(instance, "file-target-record", "2024-07-05");
        await ActAsync(instance, "assign-sponsors", "2024-07-06", new JsonObject { ["sponsorIds"] = new JsonArray(Members[1].ToString(), Members[2].ToString()) });
        await ActAsync(instance, "political-review", "2024-07-20", new JsonObject { ["result"] = "passed", ["conclusion"] = "政治合格" });
        await ActAsync(instance, "complete-training", "2024-08-01", new JsonObject { ["days"] = 3, ["classHours"] = 24 });
        await ActAsync(instance, "branch-committee-review", "2024-08-20", new JsonObject { ["result"] = "passed" });
        await ActAsync(instance, "pre-review", "2024-08-25", new JsonObject
        {
            ["result"] = "passed", ["approverOrganizationId"] = Committee.ToString(), ["leavingUnitWithin3Months"] = false,
        });
        await ActAsync(instance, "fill-application-form", "2024-09-01", new JsonObject { ["formNumber"] = "No.001" });
    }
}
