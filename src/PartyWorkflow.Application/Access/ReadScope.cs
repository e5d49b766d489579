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
}
