using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Access;

/// <summary>An organization and every one above it, from the rows <see cref="Registry.JurisdictionResolver.AddChain(ReadBatch, string)"/> read, for the role check.</summary>
public static class OrganizationLine
{
    /// <summary>The line from <paramref name="start"/> upwards, as the rows give it.</summary>
    public static IReadOnlyList<OrganizationSnapshot> From(IEnumerable<Organization> rows, Guid? start) =>
        Rows(rows, start).Select(Instances.RegistryLoader.Snapshot).ToList();

    /// <summary>The rows of the line from <paramref name="start"/> upwards (each once, even if a cycle slipped in).</summary>
    public static IReadOnlyList<Organization> Rows(IEnumerable<Organization> rows, Guid? start)
    {
        var byId = rows.DistinctBy(o => o.Id).ToDictionary(o => o.Id);
        var line = new List<Organization>();
        for (var at = start; at is { } current && byId.Remove(current, out var o); at = o.ParentId) line.Add(o);
        return line;
    }

    /// <summary>The line upwards of each organization, all read in one round trip; empty for an unknown one.</summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Organization>>> ReadAsync(PartyWorkflowDbContext db, IEnumerable<Guid> organizations, CancellationToken ct)
    {
        var batch = new ReadBatch(db);
        var chains = organizations.Distinct().Select(id => (Id: id, Chain: Registry.JurisdictionResolver.AddChain(batch, id))).ToList();
        if (chains.Count > 0) await batch.ExecuteAsync(ct);
        return chains.ToDictionary(c => c.Id, c => Rows(c.Chain.Items, c.Id));
    }
}
