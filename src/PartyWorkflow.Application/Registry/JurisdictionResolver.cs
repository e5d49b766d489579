using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Registry;

/// <summary>The jurisdiction of an organization: its own, else the nearest ancestor's.</summary>
public sealed class JurisdictionResolver(PartyWorkflowDbContext db)
{
    private const int MaxDepth = 10;

    public async Task<string?> ResolveAsync(Guid organizationId, CancellationToken ct)
    {
        var batch = new ReadBatch(db);
        var chain = AddChain(batch, organizationId);
        await batch.ExecuteAsync(ct);
        return Resolve(organizationId, chain.Items);
    }

    /// <summary>Adds the organization and its ancestors (one recursive query) to a batch.</summary>
    public static ReadBatch.Rows<Organization> AddChain(ReadBatch batch, Guid organizationId) => AddChain(batch, batch.Parameter(organizationId));

    /// <summary>The same, for the organization a SQL subquery names (an instance's filing organization, say).</summary>
    public static ReadBatch.Rows<Organization> AddChain(ReadBatch batch, string organizationIdSql) =>
        batch.Where<Organization>($"""
            "Id" IN (WITH RECURSIVE up ("Id", "ParentId", "Depth") AS (
                SELECT "Id", "ParentId", 0 FROM organizations WHERE "Id" = ({organizationIdSql})
                UNION ALL
                SELECT o."Id", o."ParentId", up."Depth" + 1 FROM organizations o JOIN up ON o."Id" = up."ParentId" WHERE up."Depth" < {MaxDepth})
            SELECT "Id" FROM up)
            """);

    /// <summary>The jurisdiction from a chain read by <see cref="AddChain"/>; null when the organization is unknown or none on the way up has one.</summary>
    public static string? Resolve(Guid organizationId, IEnumerable<Organization> chain)
    {
        var byId = chain.ToDictionary(o => o.Id);
        Guid? id = organizationId;
        for (var depth = 0; id is { } current && byId.TryGetValue(current, out var row) && depth <= MaxDepth; depth++)
        {
            if (!string.IsNullOrEmpty(row.Jurisdiction)) return row.Jurisdiction;
            id = row.ParentId;
        }
        return null;
    }
}
