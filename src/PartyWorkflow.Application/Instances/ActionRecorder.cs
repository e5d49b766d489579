using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Reminders;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Instances;

/// <summary>
/// Writes an accepted decision: the instance row (its version guards against concurrent writers),
/// one history row, the deadlines it opens and closes, and the person's membership. Nothing is
/// saved here; the handler saves once, inside the command's transaction.
/// </summary>
public sealed class ActionRecorder(PartyWorkflowDbContext db, Clock clock)
{
    public async Task RecordAsync(CompiledWorkflow workflow, WorkflowInstance row, InstanceSnapshot before, Accepted accepted, Guid actorId, bool isNew, CancellationToken ct)
    {
        var now = clock.Now;
        var branchBefore = before.BranchId ?? accepted.Branch ?? row.BranchId;
        var after = WorkflowEngine.Apply(workflow, before, accepted);
        InstanceMapping.CopyTo(after, workflow, row);
        row.Version += 1;
        row.UpdatedAt = now;

        db.History.Add(new HistoryEntry
        {
            Id = Guid.CreateVersion7(),
            InstanceId = row.Id,
            Sequence = row.Version,
            RecordedAt = now,
            ActorId = actorId,
            ActorRole = accepted.ActorRole,
            ActionId = accepted.ActionId,
            FromState = accepted.FromState,
            ToState = accepted.NewState,
            Outcome = accepted.Outcome,
            ActionDate = accepted.ActionDate,
            // The branch the action was taken in; a transfer's facts name the branch it moved to.
            BranchId = branchBefore,
            DefinitionVersion = row.DefinitionVersion,
            FactsJson = accepted.RecordedFacts.ToJsonString(),
            WarningsJson = JsonSerializer.Serialize(accepted.Warnings.Select(w => w.RuleId)),
        });

        await UpdateDeadlinesAsync(workflow, row, accepted, isNew, branchBefore != row.BranchId, now, ct);
        if (accepted.Membership is { } membership) await UpdateMembershipAsync(row, after, membership, ct);
    }

    private async Task UpdateDeadlinesAsync(CompiledWorkflow workflow, WorkflowInstance row, Accepted accepted, bool isNew, bool branchChanged, DateTimeOffset now, CancellationToken ct)
    {
        // Opening a kind that is already open replaces it (the next half-year inspection, say).
        var closing = accepted.CloseDeadlines.Concat(accepted.OpenDeadlines.Select(o => o.Kind)).ToHashSet();
        if (!isNew && (closing.Count > 0 || !row.IsOpen || branchChanged))
        {
            var open = await db.Deadlines.Where(d => d.InstanceId == row.Id && d.IsOpen).ToListAsync(ct);
            // Reminders follow the process to its new branch.
            foreach (var deadline in open) deadline.BranchId = row.BranchId;
            foreach (var deadline in open.Where(d => !row.IsOpen || closing.Contains(d.Kind)))
            {
                deadline.IsOpen = false;
                deadline.ClosedAt = now;
            }
        }
        if (!row.IsOpen) return;
        // Reminders run from today: a deadline opened late (a backdated record, an overdue
        // probation end reopened) is reminded of from now on, not flooded with the past.
        var today = clock.Today;
        foreach (var opening in accepted.OpenDeadlines)
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
                BranchId = row.BranchId,
                PersonId = row.PersonId,
                OpenedAt = now,
            });
    }

    private async Task UpdateMembershipAsync(WorkflowInstance row, InstanceSnapshot after, string membership, CancellationToken ct)
    {
        var person = await db.People.FirstAsync(p => p.Id == row.PersonId, ct);
        person.Membership = membership;
        person.BranchId = membership == "none" ? person.BranchId : row.BranchId;
        // Probationary members have no vote; full members gain it on confirmation.
        person.HasVotingRights = membership == "full";
        person.ProbationStart = after.Dates.TryGetValue("probationStart", out var start) ? start : person.ProbationStart;
        person.ProbationEnd = after.Dates.TryGetValue("probationEnd", out var end) ? end : person.ProbationEnd;
        if (membership == "full" && after.Dates.TryGetValue("fullMembershipDate", out var full)) person.FullMembershipDate = full;
        person.Version += 1;
    }
}
