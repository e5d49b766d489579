using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Instances;

/// <summary>
/// The uniqueness a definition declares ("one open member-development process per person"), held as
/// rows of <c>subject_locks</c> whose key is unique: of two concurrent starts for the same key, the
/// second fails at commit (409). Taken when an instance starts, released when it ends, in the action's transaction.
/// </summary>
public sealed class SubjectLocks(PartyWorkflowDbContext db, Clock clock)
{
    /// <summary>The keys an instance holds: its subject's id, or the ids a fact of its first step lists.</summary>
    public static IEnumerable<(string Constraint, string Key)> KeysOf(WorkflowDefinition definition, Guid subjectId, JsonObject firstStepFacts)
    {
        foreach (var unique in definition.Subject.Unique)
        {
            if (unique.Key == UniquenessDefinition.SubjectKey) { yield return (unique.Constraint, Key(subjectId)); continue; }
            var values = firstStepFacts[unique.Key[UniquenessDefinition.FactPrefix.Length..]] switch
            {
                JsonArray list => list.Select(n => n?.GetValue<string>()),
                JsonValue single => [single.GetValue<string>()],
                _ => [],
            };
            foreach (var value in values.OfType<string>().Select(v => Guid.TryParse(v, out var id) ? Key(id) : v).Distinct())
                yield return (unique.Constraint, value);
        }
    }

    /// <summary>Whether an open instance holds one of the definition's subject-keyed locks on this subject.</summary>
    public Task<bool> SubjectIsLockedAsync(WorkflowDefinition definition, Guid subjectId, CancellationToken ct)
    {
        var constraints = definition.Subject.Unique.Where(u => u.Key == UniquenessDefinition.SubjectKey).Select(u => u.Constraint).ToList();
        var key = Key(subjectId);
        return constraints.Count == 0 ? Task.FromResult(false) : db.SubjectLocks.AnyAsync(l => constraints.Contains(l.Constraint) && l.Key == key, ct);
    }

    public void Acquire(WorkflowInstance instance, IEnumerable<(string Constraint, string Key)> keys)
    {
        foreach (var (constraint, key) in keys)
            db.SubjectLocks.Add(new SubjectLock { Constraint = constraint, Key = key, InstanceId = instance.Id, CreatedAt = clock.Now });
    }

    public async Task ReleaseAsync(Guid instanceId, CancellationToken ct)
    {
        foreach (var held in await db.SubjectLocks.Where(l => l.InstanceId == instanceId).ToListAsync(ct)) db.SubjectLocks.Remove(held);
    }

    private static string Key(Guid id) => id.ToString("D");
}
