using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Instances;

/// <summary>
/// Instances written before they stored the roles they await get them from their definitions, once,
/// after migrating (a migration cannot: the roles come from the definition files, not the database).
/// </summary>
public static class AwaitedRolesBackfill
{
    private const int BatchSize = 500;

    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartyWorkflowDbContext>();
        var catalog = scope.ServiceProvider.GetRequiredService<WorkflowCatalog>();
        var filled = 0;
        while (true)
        {
            var batch = await db.Instances.Where(i => i.AwaitedRoles == null).OrderBy(i => i.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) return filled;
            foreach (var row in batch)
            {
                var workflow = catalog.Find(row.DefinitionId, row.DefinitionVersion, row.JurisdictionId, row.OverlayVersion);
                // A definition no longer on disk awaits no one; the instance view says why it cannot act.
                row.AwaitedRoles = workflow is null ? "" : InstanceMapping.AwaitedRoles(workflow, row.State);
            }
            // Not a new version of the instance: nothing about it changed but what is stored alongside.
            filled += await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
