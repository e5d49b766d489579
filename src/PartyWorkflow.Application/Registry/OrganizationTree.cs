using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Registry;

/// <summary>Organizations as a tree (all of them, or those a batch needs with their ancestors): who is under whom.</summary>
public sealed class OrganizationTree
{
    private const int MaxDepth = 20;
    private readonly IReadOnlyDictionary<Guid, Organization> organizations;
    private readonly ILookup<Guid, Guid> children;

    public OrganizationTree(IReadOnlyDictionary<Guid, Organization> organizations)
    {
        this.organizations = organizations;
        children = organizations.Values.Where(o => o.ParentId is not null).ToLookup(o => o.ParentId!.Value, o => o.Id);
    }

    public static async Task<OrganizationTree> LoadAsync(PartyWorkflowDbContext db, CancellationToken ct) =>
        new(await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, ct));

    /// <summary>
    /// Only these organizations and the ones above them, a level per query (a tree is a few levels
    /// deep): enough to find the committee above a branch without loading every organization.
    /// </summary>
    public static async Task<OrganizationTree> LoadWithAncestorsAsync(PartyWorkflowDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var found = new Dictionary<Guid, Organization>();
        var wanted = ids.Distinct().ToList();
        for (var depth = 0; wanted.Count > 0 && depth < MaxDepth; depth++)
        {
            var level = wanted;
            foreach (var organization in await db.Organizations.AsNoTracking().Where(o => level.Contains(o.Id)).ToListAsync(ct))
                found[organization.Id] = organization;
            wanted = level.Where(found.ContainsKey).Select(id => found[id].ParentId).OfType<Guid>().Where(id => !found.ContainsKey(id)).Distinct().ToList();
        }
        return new OrganizationTree(found);
    }

    public IReadOnlyDictionary<Guid, Organization> All => organizations;

    public bool Contains(Guid id) => organizations.ContainsKey(id);

    public string NameOf(Guid id) => organizations.GetValueOrDefault(id)?.Name ?? "";

    /// <summary>The organization and every organization below it.</summary>
    public HashSet<Guid> SelfAndDescendants(Guid id)
    {
        var found = new HashSet<Guid> { id };
        var queue = new Queue<Guid>([id]);
        while (queue.TryDequeue(out var current))
            foreach (var child in children[current])
                if (found.Add(child)) queue.Enqueue(child);
        return found;
    }

    /// <summary>The nearest organization of <paramref name="kind"/> at or above <paramref name="id"/>.</summary>
    public Guid? NearestOfKind(Guid? id, string kind)
    {
        for (var depth = 0; id is { } current && depth < MaxDepth; depth++)
        {
            if (!organizations.TryGetValue(current, out var organization)) return null;
            if (organization.Kind == kind) return current;
            id = organization.ParentId;
        }
        return null;
    }
}
