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
/// <c>register-organization</c> (成立登记): the request becomes a party organization on record under
/// its parent (the step's <c>parentId</c>, else the work committee), of the proposed kind and mode,
/// established on the step's date. It covers the request's units from that date, its term runs from
/// the founding meeting's date with the secretary, deputy and (for a committee) the members elected,
/// and the founding members become members of it.
/// </summary>
public sealed class RegisterOrganizationEffect(PartyWorkflowDbContext db, Clock clock) : IEffectHandler
{
    public const string MeetingStep = "hold-founding-meeting";
    /// <summary>The review whose approval appoints a temporary organization's secretary and members.</summary>
    public const string ReviewStep = "review-request";

    public const string EffectId = "register-organization";

    private ReadBatch.Rows<Person>? founders;

    public string Id => EffectId;

    /// <summary>The founding members, who become members of the new organization, come in the action's one read.</summary>
    public void Prefetch(ReadBatch batch, EffectReads reads) =>
        founders = batch.Where<Person>($"{batch.Column<Person>(nameof(Person.Id))} IN (SELECT {batch.Column<EstablishmentFoundingMember>(nameof(EstablishmentFoundingMember.PersonId))} "
                                       + $"FROM {batch.Table<EstablishmentFoundingMember>()} WHERE {batch.Column<EstablishmentFoundingMember>(nameof(EstablishmentFoundingMember.RequestId))} = ({reads.SubjectIdSql})) AND {reads.OnlyIfSql}");

    public async Task ApplyAsync(EffectContext context, CancellationToken ct)
    {
        var request = await db.EstablishmentRequests.FindAsync([context.Instance.SubjectId], ct) ?? throw new InvalidOperationException($"no establishment request {context.Instance.SubjectId}");
        var established = FactReader.Date(context.Facts, "date")!.Value;
        var organization = new Organization
        {
            Id = Guid.CreateVersion7(), Name = request.Name, Kind = request.ProposedKind,
            ParentId = FactReader.Id(context.Facts, "parentId") ?? request.WorkCommitteeId, CountyCode = request.CountyCode,
            FormationMode = request.Mode, EstablishedOn = established, CreatedAt = clock.Now,
        };
        db.Organizations.Add(organization);
        request.OrganizationId = organization.Id;

        var units = EstablishmentRequests.Ids(request.UnitIds);
        // A temporary organization's project units are recorded as functional coverage, which the report does not count.
        var temporary = request.Mode == "functional";
        var mode = temporary ? "functional" : request.Mode is "standalone" or "joint" ? request.Mode : units.Count == 1 ? "standalone" : "joint";
        foreach (var unit in units)
            db.UnitCoverage.Add(new UnitCoverage { Id = Guid.CreateVersion7(), UnitId = unit, OrganizationId = organization.Id, Mode = mode, From = established, CreatedAt = clock.Now });

        // A temporary organization is appointed, not elected: no term; its members keep their membership where it is.
        if (temporary)
        {
            Appoint(organization, Latest(context.Instance, ReviewStep), established);
            return;
        }
        if (Latest(context.Instance, MeetingStep) is { } meeting) db.OrganizationTerms.Add(ElectedTerm.Record(organization, ElectedTerm.From(organization, meeting, clock.Now)));

        var people = founders?.Items ?? await db.People
            .Where(p => db.EstablishmentFoundingMembers.Any(m => m.RequestId == request.Id && m.PersonId == p.Id)).ToListAsync(ct);
        foreach (var person in people.Where(p => p.Membership != "none"))
        {
            person.BranchId = organization.Id;
            person.Version += 1;
        }
    }

    /// <summary>The secretary and members the approval of a temporary organization's request appointed, on its record.</summary>
    private void Appoint(Organization organization, JsonObject? approval, DateOnly from)
    {
        var secretary = FactReader.Id(approval, "secretaryId");
        var people = FactReader.Ids(approval?["memberIds"]).Select(id => (Id: id, Role: "member")).Where(p => p.Id != secretary);
        if (secretary is { } id) people = people.Prepend((id, "secretary"));
        foreach (var (person, role) in people)
            db.TemporaryAppointments.Add(new TemporaryAppointment
            {
                Id = Guid.CreateVersion7(), OrganizationId = organization.Id, PersonId = person, Role = role, From = from, CreatedAt = clock.Now,
            });
    }

    /// <summary>A step's latest facts, as recorded on the instance.</summary>
    private static JsonObject? Latest(WorkflowInstance instance, string step) =>
        JsonNode.Parse(instance.FactsJson)?[step] switch
        {
            JsonObject single => single,
            JsonArray all => all.LastOrDefault() as JsonObject,
            _ => null,
        };
}
