using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Access;

/// <summary>
/// Where a user's roles reach, for the routes that act on an organization, a unit or a county:
/// an organization is reached by a role scoped to it or to one above it; a unit and a county by a
/// role whose scope lies in that county (the county of the scope organization or the nearest one
/// above it with a county; the prefecture's code reaches every county). A role without a scope
/// reaches everything. Outside every scope of the user the record answers 404, as for reads; inside
/// one, but with none of the roles the route needs, 403 <c>role-not-permitted</c>.
/// </summary>
public sealed class Scopes(PartyWorkflowDbContext db, WorkflowCatalog catalog)
{
    /// <summary>The roles that change units, coverage and organizations' standing for their area.</summary>
    public static readonly string[] AreaOffices = [Actor.WorkCommittee, Actor.OrganizationDepartment, Actor.Admin];

    public static ForbiddenException RoleNotPermitted(IEnumerable<string> roles) => ForbiddenException.For("role-not-permitted",
        $"该操作须由以下角色办理：{string.Join("、", roles)}", $"this is done by one of these roles: {string.Join(", ", roles)}");

    /// <summary>The user holds one of <paramref name="roles"/> (administrators only where listed).</summary>
    public static void RequireRole(Actor actor, IReadOnlyCollection<string> roles)
    {
        if (!actor.Roles.Any(r => roles.Contains(r.Role))) throw RoleNotPermitted(roles);
    }

    /// <param name="unknownIsTheHandlers">An id a body names: an unknown one is left to the handler, which refuses it by its rule.</param>
    public async Task RequireOrganizationAsync(Actor actor, Guid organizationId, IReadOnlyCollection<string> roles, CancellationToken ct, bool unknownIsTheHandlers = false)
    {
        var line = (await OrganizationLine.ReadAsync(db, [organizationId], ct))[organizationId].Select(o => o.Id).ToHashSet();
        if (line.Count == 0 && unknownIsTheHandlers) { RequireRole(actor, roles); return; }
        if (line.Count == 0) throw new NotFoundException("party organization", organizationId.ToString());
        bool Reaches(RoleGrant r) => r.Role == Actor.Admin || r.ScopeOrganizationId is null || line.Contains(r.ScopeOrganizationId.Value);
        if (actor.Roles.Any(r => roles.Contains(r.Role) && Reaches(r))) return;
        if (!actor.Roles.Any(Reaches)) throw new NotFoundException("party organization", organizationId.ToString());
        throw RoleNotPermitted(roles);
    }

    /// <summary>A person is reached through their branch; one in no branch (an applicant on the way) by the role alone.</summary>
    public async Task RequirePersonAsync(Actor actor, Guid personId, IReadOnlyCollection<string> roles, CancellationToken ct, bool unknownIsTheHandlers = false)
    {
        var known = await db.People.AsNoTracking().AnyAsync(p => p.Id == personId, ct);
        if (!known && unknownIsTheHandlers) { RequireRole(actor, roles); return; }
        if (!known) throw new NotFoundException("member", personId.ToString());
        if (await OrganizationOfPersonAsync(db, personId, ct) is { } organization) await RequireOrganizationAsync(actor, organization, roles, ct);
        else if (actor.Roles.Any(r => roles.Contains(r.Role) && (r.Role == Actor.Admin || r.ScopeOrganizationId is null))) return;
        else throw new NotFoundException("member", personId.ToString());
    }

    /// <summary>
    /// Where a person is on record: their branch, or, for an applicant not yet in one, the
    /// organization their latest process is filed under; null for neither.
    /// </summary>
    public static async Task<Guid?> OrganizationOfPersonAsync(PartyWorkflowDbContext db, Guid personId, CancellationToken ct) =>
        await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.BranchId).FirstOrDefaultAsync(ct)
        ?? await db.Instances.AsNoTracking().Where(i => i.SubjectKind == "person" && i.SubjectId == personId)
            .OrderByDescending(i => i.UpdatedAt).Select(i => (Guid?)i.OrganizationId).FirstOrDefaultAsync(ct);

    /// <summary>What a reminder or a calendar feed belongs to: a member (themself, or reached through their branch) or an organization.</summary>
    public Task RequireOwnerAsync(Actor actor, string ownerType, Guid ownerId, IReadOnlyCollection<string> roles, Func<Exception> notFound, CancellationToken ct)
    {
        if (ownerType == "member" && actor.PersonId == ownerId) return Task.CompletedTask;
        return Rethrown(ownerType == "member" ? RequirePersonAsync(actor, ownerId, roles, ct) : RequireOrganizationAsync(actor, ownerId, roles, ct), notFound);
    }

    private static async Task Rethrown(Task check, Func<Exception> notFound)
    {
        try { await check; }
        catch (NotFoundException) { throw notFound(); }
    }

    /// <summary>A training class is reached through the organization that organizes it.</summary>
    public async Task RequireTrainingClassAsync(Actor actor, Guid classId, IReadOnlyCollection<string> roles, CancellationToken ct)
    {
        var organizer = await db.TrainingClasses.AsNoTracking().Where(c => c.Id == classId).Select(c => (Guid?)c.OrganizerId).FirstOrDefaultAsync(ct)
                        ?? throw new NotFoundException("training class", classId.ToString());
        await Rethrown(RequireOrganizationAsync(actor, organizer, roles, ct), () => new NotFoundException("training class", classId.ToString()));
    }

    public async Task RequireUnitAsync(Actor actor, Guid unitId, IReadOnlyCollection<string> roles, CancellationToken ct)
    {
        var county = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.CountyCode).FirstOrDefaultAsync(ct)
                     ?? throw new NotFoundException("unit", unitId.ToString());
        await RequireCountyAsync(actor, county, roles, () => new NotFoundException("unit", unitId.ToString()), ct);
    }

    /// <summary>A county a request names (a new unit's, a report's): outside the user's area it is 403, as there is no record to hide.</summary>
    public Task RequireCountyAsync(Actor actor, string county, IReadOnlyCollection<string> roles, CancellationToken ct) =>
        RequireCountyAsync(actor, county, roles, () => ForbiddenException.For("area-not-permitted",
            $"县（市）{county} 不在本用户的管辖范围内", $"county {county} is outside this user's area"), ct);

    private async Task RequireCountyAsync(Actor actor, string county, IReadOnlyCollection<string> roles, Func<Exception> outside, CancellationToken ct)
    {
        var reach = await CountiesByRoleAsync(actor, ct);
        bool Reaches(string role) => reach[role] is not { } counties || counties.Contains(county);
        if (reach.Keys.Any(role => roles.Contains(role) && Reaches(role))) return;
        if (!reach.Keys.Any(Reaches)) throw outside();
        throw RoleNotPermitted(roles);
    }

    /// <summary>The counties the user's roles reach, all together; null for everywhere.</summary>
    public async Task<IReadOnlySet<string>?> CountiesAsync(Actor? actor, CancellationToken ct)
    {
        if (actor is null) return null;
        var reach = await CountiesByRoleAsync(actor, ct);
        if (reach.Values.Any(c => c is null)) return null;
        return reach.Values.SelectMany(c => c!).ToHashSet();
    }

    /// <summary>Per role held: the counties it reaches (null: everywhere). The scopes' lines are read in one round trip.</summary>
    private async Task<Dictionary<string, HashSet<string>?>> CountiesByRoleAsync(Actor actor, CancellationToken ct)
    {
        var scoped = actor.Roles.Where(r => r.Role != Actor.Admin && r.ScopeOrganizationId is not null).Select(r => r.ScopeOrganizationId!.Value);
        var lines = await OrganizationLine.ReadAsync(db, scoped, ct);
        var reach = new Dictionary<string, HashSet<string>?>();
        foreach (var grant in actor.Roles)
        {
            // The county of the scope organization, or of the nearest one above it that has one.
            var county = grant.ScopeOrganizationId is { } scope && lines.TryGetValue(scope, out var line) ? line.Select(o => o.CountyCode).FirstOrDefault(c => c is not null) : null;
            var everywhere = grant.Role == Actor.Admin || grant.ScopeOrganizationId is null || county == catalog.Reference.PrefectureCode;
            if (everywhere) reach[grant.Role] = null;
            else if (!reach.TryGetValue(grant.Role, out var counties)) reach[grant.Role] = county is null ? [] : [county];
            else if (counties is not null && county is not null) counties.Add(county);
        }
        return reach;
    }
}
