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
    public const string TermEnd = TermsOnRecord.Kind;

    private ReadBatch.Rows<Deadline>? earlier;

    public string Id => EffectId;

    /// <summary>The earlier terms' open <c>term-end</c> deadlines come in the action's one read.</summary>
    public void Prefetch(ReadBatch batch, EffectReads reads)
    {
        string Column(string property) => batch.Column<Deadline>(property);
        var requests = $"SELECT {batch.Column<EstablishmentRequest>(nameof(EstablishmentRequest.Id))} FROM {batch.Table<EstablishmentRequest>()} "
                       + $"WHERE {batch.Column<EstablishmentRequest>(nameof(EstablishmentRequest.OrganizationId))} = ({reads.SubjectIdSql})";
        earlier = batch.Where<Deadline>($"{Column(nameof(Deadline.IsOpen))} = {batch.Parameter(true)} AND {Column(nameof(Deadline.Kind))} = {batch.Parameter(TermEnd)} "
                                        + $"AND ({Column(nameof(Deadline.InstanceId))} IS NULL OR {Column(nameof(Deadline.InstanceId))} <> ({reads.InstanceIdSql})) "
                                        + $"AND ({Column(nameof(Deadline.SubjectId))} = ({reads.SubjectIdSql}) OR {Column(nameof(Deadline.SubjectId))} IN ({requests})) AND {reads.OnlyIfSql}");
    }

    public async Task ApplyAsync(EffectContext context, CancellationToken ct)
    {
        var organization = await db.Organizations.FindAsync([context.Instance.SubjectId], ct)
                           ?? throw new InvalidOperationException($"record-renewal: no organization {context.Instance.SubjectId}");
        var election = JsonNode.Parse(context.Instance.FactsJson)?[ElectionStep] as JsonObject
                       ?? throw new InvalidOperationException("record-renewal: no election recorded");
        db.OrganizationTerms.Add(ElectedTerm.Record(organization, ElectedTerm.From(organization, election, clock.Now)));

        // The earlier term's reminders end here: its deadline lives on the request that registered the
        // organization, or on the renewal before this one.
        TermsOnRecord.Close(earlier?.Items ?? await TermsOnRecord.OpenTermEndsAsync(db, organization.Id, context.Instance.Id, ct), clock.Now);
    }
}
