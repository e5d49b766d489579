using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Registry;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Access;

/// <summary>
/// What a user may read: the records filed under the organizations their roles' scopes cover (each
/// scope and everything below it). Administrators and roles without a scope (the whole prefecture)
/// read everything (<c>null</c>). A record outside answers 404, as one that does not exist.
/// </summary>
public static class ReadScope
{
    public static async Task<IReadOnlySet<Guid>?> OrganizationsAsync(PartyWorkflowDbContext db, Actor? actor, CancellationToken ct)
    {
        if (actor is null || actor.IsAdmin || actor.Roles.Any(r => r.ScopeOrganizationId is null)) return null;
        var allowed = new HashSet<Guid>();
        foreach (var scope in actor.Roles.Select(r => r.ScopeOrganizationId!.Value).Distinct())
            allowed.UnionWith(await OrganizationSubtree.IdsAsync(db, scope, ct));
        return allowed;
    }

    /// <summary>Whether a record filed under <paramref name="organization"/> may be read.</summary>
    public static bool Covers(IReadOnlySet<Guid>? allowed, Guid? organization) => allowed is null || (organization is { } o && allowed.Contains(o));

    /// <summary>A person may be read by themself, and where their branch is covered.</summary>
    public static bool CoversPerson(IReadOnlySet<Guid>? allowed, Actor? reader, Guid person, Guid? branch) =>
        Covers(allowed, branch) || (reader?.PersonId is { } self && self == person);

    /// <summary>The same, for a person not read yet (an inbox's or a feed's owner).</summary>
    public static async Task<bool> CoversPersonAsync(PartyWorkflowDbContext db, IReadOnlySet<Guid>? allowed, Actor? reader, Guid person, CancellationToken ct) =>
        allowed is null || reader?.PersonId == person
        || await db.People.AnyAsync(p => p.Id == person && p.BranchId != null && allowed.Contains(p.BranchId.Value), ct);
}
