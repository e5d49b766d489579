using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Access;

/// <summary>
/// Registry changes that decide rights: a member's voting rights and 留党察看, an organization's
/// approval authority, kind and parent. They need a party committee above the record, or the work
/// committee or organization department for its area (a scope on the record's line upwards, or
/// none); administrators may correct the registry. Anyone else is refused 403
/// <c>rights-change-not-permitted</c>, before anything is written.
/// </summary>
public static class RightsChanges
{
    private static readonly string[] Deciders = [Actor.PartyCommittee, Actor.WorkCommittee, Actor.OrganizationDepartment];

    /// <param name="organizationId">The organization the record sits in (a member's branch), or the organization itself.</param>
    /// <param name="strictlyAbove">An organization's own rights are decided above it, not by it.</param>
    public static async Task RequireAsync(PartyWorkflowDbContext db, Actor? by, Guid? organizationId, bool strictlyAbove, CancellationToken ct)
    {
        // In-process callers (the demo data, effects) and administrators.
        if (by is null || by.IsAdmin) return;
        var rows = organizationId is { } id ? (await OrganizationLine.ReadAsync(db, [id], ct))[id] : [];
        var line = rows.Skip(strictlyAbove ? 1 : 0).Select(o => o.Id).ToHashSet();
        if (by.Roles.Any(r => Deciders.Contains(r.Role) && (r.ScopeOrganizationId is null || line.Contains(r.ScopeOrganizationId.Value)))) return;
        throw ForbiddenException.For("rights-change-not-permitted",
            "表决权、留党察看、审批权限、组织类别和上级的变更，须由上级党委或本地区的两新工委、组织部门办理",
            "voting rights, 留党察看, approval authority, kind and parent are changed by a party committee above the record, or the work committee or organization department of its area");
    }
}
