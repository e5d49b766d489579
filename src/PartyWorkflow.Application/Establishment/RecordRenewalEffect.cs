using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Effects;
using PartyWorkflow.Application.Registry;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Establishment;

/// <summary>
/// <c>record-renewal</c> (换届): the approved election starts the organization's next term, from the
/// election date (3 years, 5 for a party committee), with its secretary, deputy and committee; the
/// <c>term-end</c> deadlines of the earlier term (on the instance that registered the organization, or
/// on an earlier renewal) close. The renewal's own <c>term-end</c> opens with this decision.
/// </summary>
public sealed class RecordRenewalEffect(PartyWorkflowDbContext db, Clock clock) : IEffectHandler
{
    public const string EffectId = "record-renewal";
    public const string ElectionStep = "hold-election";

    public string Id => EffectId;

    public async Task ApplyAsync(EffectContext context, CancellationToken ct)
    {
        var organization = await db.Organizations.FindAsync([context.Instance.SubjectId], ct)
                           ?? throw new InvalidOperationException($"record-renewal: no organization {context.Instance.SubjectId}");
        var election = JsonNode.Parse(context.Instance.FactsJson)?[ElectionStep] as JsonObject
                       ?? throw new InvalidOperationException("record-renewal: no election recorded");
        db.OrganizationTerms.Add(ElectedTerm.From(organization, election, clock.Now));

        // The earlier term's reminders end here: its deadline lives on the request that registered the
        // organization, or on the renewal before this one.
        var requests = await db.EstablishmentRequests.AsNoTracking().Where(r => r.OrganizationId == organization.Id).Select(r => r.Id).ToListAsync(ct);
        var now = clock.Now;
        foreach (var deadline in await db.Deadlines
                     .Where(d => d.IsOpen && d.Kind == "term-end" && d.InstanceId != context.Instance.Id && (d.SubjectId == organization.Id || requests.Contains(d.SubjectId)))
                     .ToListAsync(ct))
        {
            deadline.IsOpen = false;
            deadline.ClosedAt = now;
            deadline.NextReminderOn = null;
        }
    }
}
