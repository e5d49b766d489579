using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Effects;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Reminders;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Instances;

/// <summary>
/// Writes an accepted decision: the instance row (its version guards against concurrent writers),
/// the decision's effects through their handlers, one history row, the deadlines it opens and closes,
/// and the uniqueness locks it takes or releases. Nothing is saved here: the command's transaction
/// saves once, in one write batch.
/// </summary>
public sealed class ActionRecorder(PartyWorkflowDbContext db, EffectHandlers effects, SubjectLocks locks, Clock clock)
{
    /// <summary>What an existing instance holds, read (and tracked) with it: its open deadlines and its subject locks. Null for a new instance.</summary>
    public sealed record Held(IReadOnlyList<Deadline> OpenDeadlines, IReadOnlyList<SubjectLock> Locks);

    public async Task RecordAsync(CompiledWorkflow workflow, WorkflowInstance row, InstanceSnapshot before, Accepted accepted,
        Access.Actor actor, JsonObject facts, Held? held, CancellationToken ct)
    {
        var actorId = actor.PersonId ?? Guid.Empty;
        var isNew = held is null;
        var now = clock.Now;
        var organizationBefore = before.OrganizationId ?? accepted.Filing ?? row.OrganizationId;
        var dates = new Dictionary<string, DateOnly>(before.Dates);
        foreach (var (name, date) in accepted.ComputedDates) dates[name] = date;
        foreach (var effect in accepted.Effects)
            await effects.ApplyAsync(new EffectContext
            {
                Workflow = workflow, Instance = row, Dates = dates, Accepted = accepted, Effect = effect, Facts = facts, ActorId = actorId,
            }, ct);
        // After the effects: they may add to the recorded facts (register-subject keeps the subject's id there).
        var after = WorkflowEngine.Apply(workflow, before with { SubjectId = row.SubjectId }, accepted);
        InstanceMapping.CopyTo(after, workflow, row);
        row.Version += 1;
        row.UpdatedAt = now;

        var entry = new HistoryEntry
        {
            Id = Guid.CreateVersion7(),
            InstanceId = row.Id,
            Sequence = row.Version,
            // To the millisecond, as both providers keep it: the chain hashes what is stored.
            RecordedAt = Persistence.Audit.HashChain.Stored(now),
            ActorId = actorId,
            ActorRole = accepted.ActorRole,
            ActionId = accepted.ActionId,
            FromState = accepted.FromState,
            ToState = accepted.NewState,
            Outcome = accepted.Outcome,
            ActionDate = accepted.ActionDate,
            // The organization the action was taken in; a transfer's facts name the one it moved to.
            OrganizationId = organizationBefore,
            DefinitionVersion = row.DefinitionVersion,
            FactsJson = accepted.RecordedFacts.ToJsonString(),
            WarningsJson = JsonSerializer.Serialize(accepted.Warnings.Select(w => w.RuleId)),
            UserId = actor.UserId == Guid.Empty ? null : actor.UserId,
            Address = actor.Address,
        };
        // The chain's head moves with the instance row, whose version guards the write.
        entry.Hash = Persistence.Audit.HashChain.Of(entry, row.HistoryHead ?? "");
        row.HistoryHead = entry.Hash;
        db.History.Add(entry);

        if (isNew && row.IsOpen) locks.Acquire(row, SubjectLocks.KeysOf(workflow.Definition, row.SubjectId, accepted.RecordedFacts));
        else if (held is not null && !row.IsOpen) locks.Release(held.Locks);
        UpdateDeadlines(workflow, row, accepted, held, organizationBefore != row.OrganizationId, now);
    }

    private void UpdateDeadlines(CompiledWorkflow workflow, WorkflowInstance row, Accepted accepted, Held? held, bool moved, DateTimeOffset now)
    {
        // Opening a kind that is already open replaces it (the next half-year inspection, say).
        var closing = accepted.CloseDeadlines.Concat(accepted.OpenDeadlines.Select(o => o.Kind)).ToHashSet();
        if (held is not null && (closing.Count > 0 || !row.IsOpen || moved))
        {
            var open = held.OpenDeadlines;
            // Reminders follow the process to the organization it moved to.
            foreach (var deadline in open) deadline.OrganizationId = row.OrganizationId;
            foreach (var deadline in open.Where(d => closing.Contains(d.Kind) || (!row.IsOpen && !Outlives(workflow, d.Kind))))
            {
                deadline.IsOpen = false;
                deadline.ClosedAt = now;
            }
        }
        // Reminders run from today: a deadline opened late (a backdated record, an overdue
        // probation end reopened) is reminded of from now on, not flooded with the past.
        var today = clock.Today;
        // An ending instance opens only the deadlines that outlive it.
        foreach (var opening in accepted.OpenDeadlines.Where(o => row.IsOpen || Outlives(workflow, o.Kind)))
            db.Deadlines.Add(new Deadline
            {
                DefinitionId = row.DefinitionId,
                DefinitionVersion = row.DefinitionVersion,
                OpenedOn = today,
                RemindedThrough = today.AddDays(-1),
                NextReminderOn = ReminderSchedule.NextAfter(workflow.DeadlineKinds[opening.Kind], opening.Due, today.AddDays(-1)),
                Id = Guid.CreateVersion7(),
                InstanceId = row.Id,
                Kind = opening.Kind,
                DueDate = opening.Due,
                OrganizationId = row.OrganizationId,
                SubjectKind = row.SubjectKind,
                SubjectId = row.SubjectId,
                OpenedAt = now,
            });
    }

    private static bool Outlives(CompiledWorkflow workflow, string kind) => workflow.DeadlineKinds.GetValueOrDefault(kind)?.OutlivesInstance == true;
}
