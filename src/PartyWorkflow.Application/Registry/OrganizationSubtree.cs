using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Registry;

/// <summary>
/// An organization and everything below it, by one recursive query (PostgreSQL and SQLite alike),
/// so that request paths never load the whole tree. The depth is bounded in case a cycle ever slipped in.
/// </summary>
public static class OrganizationSubtree
{
    private const int MaxDepth = 20;

    /// <summary>The ids of <paramref name="root"/> and its descendants; empty when there is no such organization.</summary>
    public static Task<List<Guid>> IdsAsync(PartyWorkflowDbContext db, Guid root, CancellationToken ct) =>
        db.Database.SqlQuery<Guid>($"""
            WITH RECURSIVE subtree ("Id", "Depth") AS (
                SELECT "Id", 0 FROM organizations WHERE "Id" = {root}
                UNION ALL
                SELECT o."Id", s."Depth" + 1 FROM organizations o JOIN subtree s ON o."ParentId" = s."Id" WHERE s."Depth" < {MaxDepth}
            )
            SELECT DISTINCT "Id" AS "Value" FROM subtree
            """).ToListAsync(ct);

    /// <summary>The names of these organizations only.</summary>
    public static Task<Dictionary<Guid, string>> NamesAsync(PartyWorkflowDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return db.Organizations.AsNoTracking().Where(o => wanted.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }
}
