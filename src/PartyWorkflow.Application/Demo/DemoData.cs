using System.Text.Json.Nodes;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Instances;
using PartyWorkflow.Application.Registry;
using PartyWorkflow.Application.Reminders;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Demo;

/// <summary>
/// A small demo data set for the embedded default, made on first start through the same commands
/// the API uses: work committees with units and their coverage (<see cref="DemoRegistry"/>), a
/// committee with approval authority, two branches, members, and applications at several stages. Dates lie in the past, relative to today, so every rule holds.
/// </summary>
public static class DemoData
{
    public static async Task SeedIfEmptyAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartyWorkflowDbContext>();
        if (await db.Organizations.AnyAsync(ct)) return;
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var today = scope.ServiceProvider.GetRequiredService<Clock>().Today;

        var registry = new DemoRegistry(mediator, today);
        var workCommittees = await registry.WorkCommitteesAsync(ct);
        var committee = await mediator.Send(new CreateOrganization("城东两新组织综合党委", "party-committee", workCommittees.CountyA, true, null), ct);
        var branchA = await mediator.Send(new CreateOrganization("星辰科技有限公司党支部", "branch", committee.Id, false, null), ct);
        var branchB = await mediator.Send(new CreateOrganization("益民社会工作服务中心党支部", "branch", committee.Id, false, null), ct);

        var members = new List<Guid>();
        string[] names = ["王建国", "李红梅", "张伟", "刘芳", "陈志强", "杨丽", "赵磊", "黄敏"];
        for (var i = 0; i < names.Length; i++)
        {
            var branch = i < 5 ? branchA.Id : branchB.Id;
            var member = await mediator.Send(new CreateMember(names[i], i % 2 == 0 ? "male" : "female", "汉族",
                DemoCitizenId(new DateOnly(1970 + i * 3, 3, 1 + i), 100 + i), null, null, branch, "full", true, null, new DateOnly(2000 + i, 7, 1)), ct);
            members.Add(member.Id);
        }

        await registry.SeedUnitsAsync(workCommittees, committee.Id, members[3], ct);
        await registry.SeedRecordsAsync(workCommittees, ct);
        await registry.SeedRequestAsync(workCommittees, members[3], branchA.Id, ct);

        var steps = new DemoSteps(mediator, members[0], members[1], members[2], committee.Id);
        await steps.ApplyAsync("孙晓明", DemoCitizenId(new DateOnly(1998, 5, 20), 201), branchA.Id, TalkFallsDueForAReminder(today), stepsToTake: 0, ct);
        await steps.ApplyAsync("周婷", DemoCitizenId(new DateOnly(1996, 8, 8), 202), branchA.Id, today.AddMonths(-8), stepsToTake: 5, ct);
        await steps.ApplyAsync("吴昊", DemoCitizenId(new DateOnly(1994, 11, 2), 203), branchA.Id, today.AddMonths(-20), stepsToTake: 12, ct);
        await steps.ApplyAsync("郑雪", DemoCitizenId(new DateOnly(1995, 2, 14), 204), branchA.Id, today.AddMonths(-34), stepsToTake: 21, ct);

        // A new user finds reminders in the inbox at once, not after the first scheduled sweep.
        await scope.ServiceProvider.GetRequiredService<ReminderSweeper>().SweepAsync(ct);

        // Demo users of every role, with passwords made now and printed once (they are nowhere in the code).
        var users = new (string UserName, string Name, Guid? Person, string Role, Guid? Scope)[]
        {
            ("demo-admin", "演示管理员", null, Access.Actor.Admin, null),
            ("demo-branch", "王建国（支部书记）", members[0], Access.Actor.Branch, branchA.Id),
            ("demo-instructor", "刘芳（党建指导员）", members[3], Access.Actor.Instructor, committee.Id),
            ("demo-committee", "李红梅（综合党委）", members[1], Access.Actor.PartyCommittee, committee.Id),
            ("demo-department", "张伟（组织部门）", members[2], Access.Actor.OrganizationDepartment, workCommittees.CountyA),
            ("demo-work-committee", "陈志强（两新工委）", members[4], Access.Actor.WorkCommittee, workCommittees.CountyA),
        };
        Console.WriteLine("Demo users (shown once, on the first start; change them or disable them outside a demo):");
        foreach (var (userName, name, person, role, scopeId) in users)
        {
            var password = DemoPassword();
            await mediator.Send(new Users.CreateUser(userName, password, name, person, [new Users.RoleBody(role, scopeId)]), ct);
            Console.WriteLine($"  {userName,-22} {password}  {role}");
        }
    }

    /// <summary>A random password that meets the rules (upper and lower case, a digit, 16 characters).</summary>
    private static string DemoPassword() =>
        "Pw" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(7)).ToLowerInvariant() + "7";

    /// <summary>
    /// An application date whose initial talk (due a month later) is due today, or else in 7 days:
    /// either way the branch has a reminder on the first day.
    /// </summary>
    private static DateOnly TalkFallsDueForAReminder(DateOnly today)
    {
        foreach (var due in new[] { today, today.AddDays(7) })
            if (due.AddMonths(-1) is var applied && applied.AddMonths(1) == due) return applied;
        return today.AddDays(-10);
    }

    /// <summary>A valid citizen ID (area 110101) for a made-up person.</summary>
    public static string DemoCitizenId(DateOnly birth, int sequence)
    {
        var first17 = $"110101{birth:yyyyMMdd}{sequence % 1000:D3}";
        return first17 + CitizenId.ExpectedCheckCharacter(first17);
    }

    private sealed class DemoSteps(IMediator mediator, Guid secretary, Guid contact, Guid sponsor, Guid committee)
    {
        public async Task ApplyAsync(string name, string citizenId, Guid branch, DateOnly applied, int stepsToTake, CancellationToken ct)
        {
            var body = new JsonObject
            {
                ["person"] = new JsonObject { ["name"] = name, ["gender"] = "female", ["ethnicity"] = "汉族", ["citizenId"] = citizenId, ["occupationCategory"] = "employee" },
                ["branchId"] = branch.ToString(),
                ["applicationDate"] = FactReader.Format(applied),
            };
            var instance = await mediator.Send(new StartInstance("member-development", ActionBody.Parse(body.ToJsonString()), null,
                Access.ActorRoles.InProcess(secretary, "branch")), ct);
            var plan = Plan(applied);
            foreach (var (action, date, facts) in plan.Take(stepsToTake))
            {
                facts["date"] = FactReader.Format(date);
                var role = action switch
                {
                    "confirm-activist" or "designate-development-target" or "branch-committee-review" => "branch-committee",
                    "branch-meeting-admission" or "branch-meeting-confirmation" => "branch-meeting",
                    "file-activist-record" or "file-target-record" or "complete-training" or "pre-review" or "committee-talk"
                        or "committee-approval" or "file-with-organization-department" or "committee-approval-confirmation" => "party-committee",
                    _ => "branch",
                };
                await mediator.Send(new PerformAction(instance.Id, action, ActionBody.Parse(facts.ToJsonString()), null, null,
                    Access.ActorRoles.InProcess(secretary, role)), ct);
            }
        }

        private List<(string Action, DateOnly Date, JsonObject Facts)> Plan(DateOnly a) =>
        [
            ("initial-talk", a.AddDays(10), new JsonObject { ["talkerId"] = secretary.ToString(), ["notes"] = "了解入党动机" }),
            ("confirm-activist", a.AddMonths(1), new JsonObject { ["recommendationMethod"] = "member-recommendation" }),
            ("file-activist-record", a.AddMonths(1).AddDays(5), []),
            ("assign-contacts", a.AddMonths(1).AddDays(6), new JsonObject { ["contactIds"] = new JsonArray(contact.ToString()) }),
            ("record-inspection", a.AddMonths(6), new JsonObject { ["assessment"] = "表现良好" }),
            ("record-inspection", a.AddMonths(12), new JsonObject { ["assessment"] = "表现良好" }),
            ("designate-development-target", a.AddMonths(13), new JsonObject { ["opinionsHeard"] = new JsonArray("party-group", "members") }),
            ("file-target-record", a.AddMonths(13).AddDays(3), []),
            ("assign-sponsors", a.AddMonths(13).AddDays(5), new JsonObject { ["sponsorIds"] = new JsonArray(contact.ToString(), sponsor.ToString()) }),
            ("political-review", a.AddMonths(14), new JsonObject { ["result"] = "passed", ["conclusion"] = "政治合格" }),
            ("complete-training", a.AddMonths(15), new JsonObject { ["days"] = 3, ["classHours"] = 24 }),
            ("branch-committee-review", a.AddMonths(16), new JsonObject { ["result"] = "passed" }),
            ("pre-review", a.AddMonths(16).AddDays(7), new JsonObject { ["result"] = "passed", ["approverOrganizationId"] = committee.ToString(), ["leavingUnitWithin3Months"] = false }),
            ("fill-application-form", a.AddMonths(16).AddDays(14), new JsonObject { ["formNumber"] = "2024-001" }),
            ("branch-meeting-admission", a.AddMonths(17), new JsonObject { ["entitled"] = 5, ["present"] = 5, ["yes"] = 5, ["no"] = 0, ["abstain"] = 0 }),
            ("committee-talk", a.AddMonths(17).AddDays(10), new JsonObject { ["talkerId"] = sponsor.ToString(), ["opinion"] = "同意接收" }),
            ("committee-approval", a.AddMonths(18), new JsonObject { ["decision"] = "approved", ["approverOrganizationId"] = committee.ToString() }),
            ("file-with-organization-department", a.AddMonths(18).AddDays(5), []),
            ("assign-to-group", a.AddMonths(18).AddDays(10), new JsonObject { ["partyGroup"] = "第一党小组" }),
            ("take-oath", a.AddMonths(18).AddDays(20), []),
            ("record-probation-inspection", a.AddMonths(24), new JsonObject { ["assessment"] = "表现良好" }),
        ];
    }
}
