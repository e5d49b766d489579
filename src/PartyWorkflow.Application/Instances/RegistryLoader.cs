using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Facts;
using PartyWorkflow.Persistence;
using System.Text.Json.Nodes;

namespace PartyWorkflow.Application.Instances;

/// <summary>
/// Loads the registry rows an action refers to (its actor and every member or organization fact)
/// in at most one query per table, so rules never query on their own.
/// </summary>
public sealed class RegistryLoader(PartyWorkflowDbContext db)
{
    public async Task<RegistrySnapshot> LoadAsync(StepDefinition step, JsonObject facts, Guid actorId, SubjectStatus? subject, CancellationToken ct)
    {
        var references = FactReferences.Collect(step.Facts, facts);
        var personIds = references.Where(r => r.Type == "member").Select(r => r.Id).Append(actorId).Distinct().ToList();
        var organizationIds = references.Where(r => r.Type == "organization").Select(r => r.Id).Distinct().ToList();

        var people = await db.People.AsNoTracking()
            .Where(p => personIds.Contains(p.Id))
            .Select(p => new PersonSnapshot(p.Id, p.Membership, p.HasVotingRights, p.BranchId, p.OnDisciplinaryProbation))
            .ToDictionaryAsync(p => p.Id, ct);
        var organizations = organizationIds.Count == 0
            ? []
            : await db.Organizations.AsNoTracking()
                .Where(o => organizationIds.Contains(o.Id))
                .Select(o => new OrganizationSnapshot(o.Id, o.Kind, o.ParentId, o.HasApprovalAuthority))
                .ToDictionaryAsync(o => o.Id, ct);
        return new RegistrySnapshot { People = people, Organizations = organizations, Subject = subject };
    }
}
