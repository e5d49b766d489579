using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Registry;

/// <summary>The organizations as a tree, loaded at once (there are hundreds, not millions): who is under whom.</summary>
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
