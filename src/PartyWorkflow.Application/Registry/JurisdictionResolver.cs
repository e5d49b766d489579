using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Registry;

/// <summary>The jurisdiction of an organization: its own, else the nearest ancestor's.</summary>
public sealed class JurisdictionResolver(PartyWorkflowDbContext db)
{
    private const int MaxDepth = 10;

    public async Task<string?> ResolveAsync(Guid organizationId, CancellationToken ct)
    {
        Guid? id = organizationId;
        for (var depth = 0; id is not null && depth < MaxDepth; depth++)
        {
            var current = id.Value;
            var row = await db.Organizations.AsNoTracking().Where(o => o.Id == current)
                .Select(o => new { o.Jurisdiction, o.ParentId }).FirstOrDefaultAsync(ct);
            if (row is null) return null;
            if (!string.IsNullOrEmpty(row.Jurisdiction)) return row.Jurisdiction;
            id = row.ParentId;
        }
        return null;
    }
}
