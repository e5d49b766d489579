using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Subjects;
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

    /// <summary>
    /// Adds to a batch the definition's subject-keyed locks on the subject a SQL subquery names
    /// (<see cref="ISubjectKind.Prefetch"/>); null when the definition declares none. Not tracked: a
    /// start that takes the same key anyway fails on it at the write (409), as a concurrent one would.
    /// </summary>
    public static ReadBatch.Rows<SubjectLock>? AddSubjectLocks(ReadBatch batch, WorkflowDefinition definition, string subjectIdSql)
    {
        var constraints = definition.Subject.Unique.Where(u => u.Key == UniquenessDefinition.SubjectKey).Select(u => u.Constraint).ToList();
        // Keys are ids as lower-case text ("D" format), which both providers give for a cast id.
        return constraints.Count == 0 ? null : batch.Where<SubjectLock>(
            $"{batch.Column<SubjectLock>(nameof(SubjectLock.Constraint))} IN ({batch.Parameters(constraints)}) "
            + $"AND {batch.Column<SubjectLock>(nameof(SubjectLock.Key))} = lower(CAST(({subjectIdSql}) AS TEXT))", track: false);
    }

    /// <summary>Whether the locks read by <see cref="AddSubjectLocks"/> hold this subject.</summary>
    public static bool Holds(IEnumerable<SubjectLock> found, Guid subjectId) => found.Any(l => l.Key == Key(subjectId));

    public void Acquire(WorkflowInstance instance, IEnumerable<(string Constraint, string Key)> keys)
    {
        foreach (var (constraint, key) in keys)
            db.SubjectLocks.Add(new SubjectLock { Constraint = constraint, Key = key, InstanceId = instance.Id, CreatedAt = clock.Now });
    }

    /// <summary>Releases the locks an ending instance holds (read, tracked, with the instance).</summary>
    public void Release(IEnumerable<SubjectLock> held)
    {
        foreach (var l in held) db.SubjectLocks.Remove(l);
    }

    private static string Key(Guid id) => id.ToString("D");
}
