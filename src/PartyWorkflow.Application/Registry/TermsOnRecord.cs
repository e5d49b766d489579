using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Engine.Reminders;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Registry;

/// <summary>
/// The <c>term-end</c> deadline of a term entered on record (<see cref="RecordTerm"/>): most
/// organizations were set up before the system, and their terms are reminded of like those the
/// workflows record. It is the registry's own deadline (no instance), of the kind and reminder
/// schedule the renewal workflow declares, filed under the organization itself; the renewal that
/// follows closes it as it closes the others.
/// </summary>
public sealed class TermsOnRecord(PartyWorkflowDbContext db, WorkflowCatalog catalog, Clock clock)
{
    public const string RenewalDefinition = "organization-renewal";
    public const string Kind = "term-end";

    /// <summary>The organization's latest term now ends on <paramref name="ends"/>: the open term-end deadlines close, and one opens for it.</summary>
    public async Task OpenAsync(Organization organization, DateOnly ends, CancellationToken ct)
    {
        Close(await OpenTermEndsAsync(db, organization.Id, exceptInstance: null, ct), clock.Now);
        if (catalog.LatestPublished(RenewalDefinition) is not { } renewal || renewal.Deadlines.FirstOrDefault(k => k.Kind == Kind) is not { } kind) return;
        var today = clock.Today;
        db.Deadlines.Add(new Deadline
        {
            Id = Guid.CreateVersion7(), InstanceId = null, Kind = Kind, DueDate = ends, OrganizationId = organization.Id,
            SubjectKind = renewal.Subject.Kind, SubjectId = organization.Id, DefinitionId = renewal.DefinitionId, DefinitionVersion = renewal.Version,
            // As an instance's deadline: reminded from today on, not with the reminders that fell before.
            OpenedOn = today, RemindedThrough = today.AddDays(-1), NextReminderOn = ReminderSchedule.NextAfter(kind, ends, today.AddDays(-1)),
            OpenedAt = clock.Now,
        });
    }

    /// <summary>
    /// The organization's open <c>term-end</c> deadlines: on the request that registered it, on a
    /// renewal, or the registry's own; except those of <paramref name="exceptInstance"/>.
    /// </summary>
    public static Task<List<Deadline>> OpenTermEndsAsync(PartyWorkflowDbContext db, Guid organization, Guid? exceptInstance, CancellationToken ct)
    {
        var requests = db.EstablishmentRequests.Where(r => r.OrganizationId == organization).Select(r => r.Id);
        return db.Deadlines.Where(d => d.IsOpen && d.Kind == Kind && (exceptInstance == null || d.InstanceId != exceptInstance) && (d.SubjectId == organization || requests.Contains(d.SubjectId)))
            .ToListAsync(ct);
    }

    /// <summary>A term's reminders end: its deadlines close.</summary>
    public static void Close(IEnumerable<Deadline> deadlines, DateTimeOffset now)
    {
        foreach (var deadline in deadlines)
        {
            deadline.IsOpen = false;
            deadline.ClosedAt = now;
            deadline.NextReminderOn = null;
        }
    }
}
