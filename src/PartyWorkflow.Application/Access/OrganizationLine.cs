using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Access;

/// <summary>An organization and every one above it, from the rows <see cref="Registry.JurisdictionResolver.AddChain(ReadBatch, string)"/> read, for the role check.</summary>
public static class OrganizationLine
{
    /// <summary>The line from <paramref name="start"/> upwards, as the rows give it.</summary>
    public static IReadOnlyList<OrganizationSnapshot> From(IEnumerable<Organization> rows, Guid? start)
    {
        var byId = rows.DistinctBy(o => o.Id).ToDictionary(o => o.Id);
        var line = new List<OrganizationSnapshot>();
        for (var at = start; at is { } current && byId.Remove(current, out var o); at = o.ParentId)
            line.Add(Instances.RegistryLoader.Snapshot(o));
        return line;
    }
}
