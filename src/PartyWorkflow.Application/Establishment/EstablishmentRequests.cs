using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Subjects;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Establishment;

/// <summary>
/// The subject kind <c>establishment-request</c>: every request is new, written by its first step
/// from the facts, filed under the county's work committee. Reminders to it go to the organization
/// registered from it, and until then to that committee.
/// </summary>
public sealed class EstablishmentRequests(PartyWorkflowDbContext db, Clock clock) : ISubjectKind
{
    public string Kind => "establishment-request";

    public string RecipientType => "organization";

    public string? Prefetch(ReadBatch batch, JsonObject parameters, JsonObject facts) => null;

    public Task<SubjectStatus?> IdentifyAsync(JsonObject parameters, JsonObject facts, CancellationToken ct) => Task.FromResult<SubjectStatus?>(null);

    public async Task<SubjectContact> RegisterAsync(JsonObject parameters, JsonObject facts, CancellationToken ct)
    {
        var committeeId = FactReader.Id(facts, "workCommitteeId");
        // Tracked already: the start's one read fetched every organization the facts name.
        var committee = committeeId is null ? null : await db.Organizations.FindAsync([committeeId.Value], ct);
        if (committee is not { Kind: "work-committee" })
            throw RuleRefusalException.For("filed-under-work-committee", "workCommitteeId：组建请示应报县（市）或州两新工委", "workCommitteeId: a request is filed under a work committee");
        var request = new EstablishmentRequest
        {
            Id = Guid.CreateVersion7(), Name = FactReader.Text(facts, "name")!.Trim(), Mode = FactReader.Text(facts, "mode")!,
            ProposedKind = FactReader.Text(facts, "proposedKind")!, WorkCommitteeId = committee.Id, CountyCode = committee.CountyCode,
            UnitIds = string.Join(',', Ids(facts["unitIds"])),
            ProposedSecretaryId = FactReader.Id(facts, "proposedSecretaryId"), RequestedOn = FactReader.Date(facts, "date")!.Value, CreatedAt = clock.Now,
        };
        db.EstablishmentRequests.Add(request);
        await ReplaceFoundingMembersAsync(db, request.Id, Ids(facts["foundingMemberIds"]), [], ct);
        return new SubjectContact(request.Id, request.Name, committee.Email);
    }

    /// <summary>Reminders to a request go to the organization registered from it, else to its work committee.</summary>
    public async Task<IReadOnlyDictionary<Guid, SubjectContact>> ContactsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.EstablishmentRequests.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Join(db.Organizations, r => r.OrganizationId ?? r.WorkCommitteeId, o => o.Id, (r, o) => new SubjectContact(r.Id, r.Name, o.Email, o.Id))
            .ToDictionaryAsync(c => c.Id, ct);

    public void PrefetchForAction(ReadBatch batch, string subjectIdSql) =>
        batch.Where<EstablishmentRequest>($"{batch.Column<EstablishmentRequest>(nameof(EstablishmentRequest.Id))} = ({subjectIdSql})");

    /// <summary>An effect's prefetch of the request's founding-member rows (for effects that replace them).</summary>
    public static ReadBatch.Rows<EstablishmentFoundingMember> PrefetchFoundingMembers(ReadBatch batch, Effects.EffectReads reads) =>
        batch.Where<EstablishmentFoundingMember>($"{batch.Column<EstablishmentFoundingMember>(nameof(EstablishmentFoundingMember.RequestId))} = ({reads.SubjectIdSql}) AND {reads.OnlyIfSql}");

    /// <summary>The request's founding members become <paramref name="ids"/>: rows no longer listed go, new ones come.</summary>
    public static async Task ReplaceFoundingMembersAsync(PartyWorkflowDbContext db, Guid requestId, IEnumerable<Guid> ids,
        IReadOnlyList<EstablishmentFoundingMember>? current, CancellationToken ct)
    {
        current ??= await db.EstablishmentFoundingMembers.Where(m => m.RequestId == requestId).ToListAsync(ct);
        var wanted = ids.ToHashSet();
        foreach (var gone in current.Where(m => m.RequestId == requestId && !wanted.Contains(m.PersonId))) db.EstablishmentFoundingMembers.Remove(gone);
        foreach (var person in wanted.Except(current.Where(m => m.RequestId == requestId).Select(m => m.PersonId)))
            db.EstablishmentFoundingMembers.Add(new EstablishmentFoundingMember { RequestId = requestId, PersonId = person });
    }

    public static IEnumerable<Guid> Ids(JsonNode? node) => FactReader.Ids(node);

    public static IEnumerable<string> Texts(JsonNode? node) =>
        node is JsonArray list ? list.Select(n => n?.GetValue<string>()).OfType<string>().Distinct() : [];

    public static IReadOnlyList<Guid> Ids(string commaSeparated) =>
        commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
}
