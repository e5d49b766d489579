using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Registry;

/// <summary>
/// Where an organization may sit: a county work committee under the prefecture's (or at the top),
/// a county code from the reference list, a parent that exists.
/// </summary>
public sealed class OrganizationChecks(PartyWorkflowDbContext db, WorkflowCatalog catalog)
{
    public async Task RefuseAsync(string kind, Guid? parentId, string? countyCode, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(countyCode) && catalog.Reference.County(countyCode.Trim()) is null)
            throw RuleRefusalException.For("county-known", $"countyCode：没有代码为 {countyCode} 的县（市）", $"countyCode: no county with code {countyCode}");
        if (parentId is not { } id) return;
        var parentKind = await db.Organizations.Where(o => o.Id == id).Select(o => o.Kind).FirstOrDefaultAsync(ct)
                         ?? throw RuleRefusalException.For("organization-exists", $"parentId：找不到编号为 {id} 的党组织", $"parentId: no party organization with id {id}");
        if (kind == "work-committee" && parentKind != "work-committee")
            throw RuleRefusalException.For("organization-hierarchy", "县（市）两新工委只能设在州两新工委之下", "a county work committee sits only under the prefecture's work committee");
    }
}
