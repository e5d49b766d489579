using PartyWorkflow.Application.Common;
using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Application.Access;

/// <summary>
/// Which of a step's actors a user may act as, for the organization a record is filed under: a role
/// held in scope (the scope is that organization or one above it, or the whole prefecture) lets the
/// user act as the definition actors of the role. Pure: the organization's line upwards comes in the
/// action's one read.
/// </summary>
public static class ActorRoles
{
    /// <summary>The definition actors each role may act as (docs/security.md).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ActsAs = new Dictionary<string, string[]>
    {
        [Actor.Branch] = ["branch", "branch-committee", "branch-meeting"],
        [Actor.Instructor] = ["instructor"],
        [Actor.PartyCommittee] = ["party-committee"],
        [Actor.OrganizationDepartment] = ["organization-department"],
        [Actor.WorkCommittee] = ["work-committee", "unit"],
        [Actor.Admin] = [],
    };

    /// <summary>
    /// The first of <paramref name="stepActors"/> the user may act as where the record is filed
    /// (<paramref name="line"/>: that organization first, then each one above it), or null. A party
    /// committee with approval authority acts as the organization department too.
    /// </summary>
    public static string? Resolve(IReadOnlyList<string> stepActors, Actor actor, IReadOnlyList<OrganizationSnapshot> line)
    {
        foreach (var stepActor in stepActors)
            foreach (var grant in actor.Roles)
            {
                var scope = grant.ScopeOrganizationId is not { } scoped ? line.FirstOrDefault() : line.FirstOrDefault(o => o.Id == scoped);
                if (grant.ScopeOrganizationId is not null && scope is null) continue;
                var actsAs = ActsAs.GetValueOrDefault(grant.Role) ?? [];
                if (actsAs.Contains(stepActor)) return stepActor;
                if (grant.Role == Actor.PartyCommittee && stepActor == "organization-department" && scope is { Kind: "party-committee", HasApprovalAuthority: true })
                    return stepActor;
                // An instructor acts as the branch of the organization their scope names (InstructorScope: the one covering their unit), not of those below it.
                if (grant.Role == Actor.Instructor && stepActor == "branch" && grant.ScopeOrganizationId is { } covering && line.FirstOrDefault()?.Id == covering)
                    return stepActor;
            }
        return null;
    }

    /// <summary>The role to act in, or 403 <c>actor-not-permitted</c> naming the roles that may.</summary>
    public static string Require(IReadOnlyList<string> stepActors, Actor actor, IReadOnlyList<OrganizationSnapshot> line) =>
        Resolve(stepActors, actor, line) ?? throw ForbiddenException.For("actor-not-permitted",
            $"您没有在该党组织办理此步骤的角色（可办理：{string.Join("、", stepActors)}）",
            $"you hold no role that may take this step for this organization (it is taken by: {string.Join(", ", stepActors)})");

    /// <summary>
    /// An actor acting in-process for a person, as the role that acts as <paramref name="definitionActor"/>,
    /// everywhere (the demo data's steps, which no user takes).
    /// </summary>
    public static Actor InProcess(Guid person, string definitionActor) =>
        new(Guid.Empty, person, [new RoleGrant(ActsAs.First(r => r.Value.Contains(definitionActor)).Key, null)]);

    /// <summary>The person who acts: a user who is not a person on record (an administrator) takes no steps.</summary>
    public static Guid PersonOf(Actor actor) => actor.PersonId ?? throw ForbiddenException.For("actor-not-permitted",
        "该用户未关联党员或人员档案，不能办理流程步骤", "this user is not linked to a person on record and takes no steps");

    /// <summary>403 <c>actor-not-subject</c>: nobody records or approves a step of their own process.</summary>
    public static void NotSubject(Actor actor, string subjectKind, Guid? subjectId)
    {
        if (subjectKind == "person" && actor.PersonId is { } person && person == subjectId)
            throw ForbiddenException.For("actor-not-subject", "不能办理本人的发展党员流程", "you cannot take a step of your own process");
    }
}
