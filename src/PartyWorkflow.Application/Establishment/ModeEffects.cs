using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Effects;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Establishment;

/// <summary>
/// <c>register-affiliation</c> (挂靠): the host organization covers the request's units from the
/// step's date, as <c>affiliated</c>; the request leads to the host (its plaque is the host's).
/// </summary>
public sealed class RegisterAffiliationEffect(PartyWorkflowDbContext db, Clock clock) : IEffectHandler
{
    public const string EffectId = "register-affiliation";

    public string Id => EffectId;

    public async Task ApplyAsync(EffectContext context, CancellationToken ct)
    {
        var request = await db.EstablishmentRequests.FindAsync([context.Instance.SubjectId], ct) ?? throw new InvalidOperationException($"no establishment request {context.Instance.SubjectId}");
        var hostId = FactReader.Id(context.Facts, "hostOrganizationId")!.Value;
        var host = await db.Organizations.FindAsync([hostId], ct);
        if (host is null or { Kind: "work-committee" } or { DissolvedOn: not null })
            throw RuleRefusalException.For("host-organization", "hostOrganizationId：挂靠的应为在册的党委、党总支或党支部", "hostOrganizationId: the host is a party committee, general branch or branch on record");
        var from = FactReader.Date(context.Facts, "date")!.Value;
        foreach (var unit in EstablishmentRequests.Ids(request.UnitIds))
            db.UnitCoverage.Add(new UnitCoverage { Id = Guid.CreateVersion7(), UnitId = unit, OrganizationId = host.Id, Mode = "affiliated", From = from, CreatedAt = clock.Now });
        request.OrganizationId = host.Id;
    }
}

/// <summary><c>assign-instructor</c> (派员): the instructor or first secretary is assigned to each unit of the request, which gives work coverage.</summary>
public sealed class AssignInstructorEffect(PartyWorkflowDbContext db, Clock clock) : IEffectHandler
{
    public const string EffectId = "assign-instructor";

    public string Id => EffectId;

    public async Task ApplyAsync(EffectContext context, CancellationToken ct)
    {
        var request = await db.EstablishmentRequests.FindAsync([context.Instance.SubjectId], ct) ?? throw new InvalidOperationException($"no establishment request {context.Instance.SubjectId}");
        var from = FactReader.Date(context.Facts, "date")!.Value;
        var until = FactReader.Date(context.Facts, "until");
        if (until is { } end && end <= from) throw InvalidInputException.For("until", "must be after the date / 应晚于选派日期");
        foreach (var unit in EstablishmentRequests.Ids(request.UnitIds))
            db.UnitAssignments.Add(new UnitAssignment
            {
                Id = Guid.CreateVersion7(), UnitId = unit, PersonId = FactReader.Id(context.Facts, "personId")!.Value,
                Role = FactReader.Text(context.Facts, "role")!, From = from, To = until, CreatedAt = clock.Now,
            });
    }
}

/// <summary>
/// <c>resume-as-standalone</c>: a dispatched request whose unit now has three full members goes on as
/// a standalone request (the rules checked the unit), with its founding members.
/// </summary>
public sealed class ResumeAsStandaloneEffect(PartyWorkflowDbContext db) : IEffectHandler
{
    public const string EffectId = "resume-as-standalone";

    public string Id => EffectId;

    private ReadBatch.Rows<EstablishmentFoundingMember>? founding;

    public void Prefetch(ReadBatch batch, EffectReads reads) => founding = EstablishmentRequests.PrefetchFoundingMembers(batch, reads);

    public async Task ApplyAsync(EffectContext context, CancellationToken ct)
    {
        var request = await db.EstablishmentRequests.FindAsync([context.Instance.SubjectId], ct) ?? throw new InvalidOperationException($"no establishment request {context.Instance.SubjectId}");
        if (!EstablishmentRequests.Ids(context.Facts["unitIds"]).Order().SequenceEqual(EstablishmentRequests.Ids(request.UnitIds).Order()))
            throw RuleRefusalException.For("request-units-unchanged", "unitIds：应为请示所列的单位", "unitIds: the unit is the request's");
        request.Mode = "standalone";
        await EstablishmentRequests.ReplaceFoundingMembersAsync(db, request.Id, EstablishmentRequests.Ids(context.Facts["foundingMemberIds"]), founding?.Items, ct);
    }
}

/// <summary><c>dissolve</c> (撤销): the request's organization is dissolved on the step's date, as <see cref="Units.DissolveOrganization"/> does it.</summary>
public sealed class DissolveEffect(PartyWorkflowDbContext db, Units.DissolveOrganizationHandler dissolutions) : IEffectHandler
{
    public const string EffectId = "dissolve";

    public string Id => EffectId;

    public async Task ApplyAsync(EffectContext context, CancellationToken ct)
    {
        var organization = await RegisteredOrganization.OfAsync(db, context, ct);
        await dissolutions.Handle(new Units.DissolveOrganization(organization, FactReader.Date(context.Facts, "date"), FactReader.Text(context.Facts, "reason")), ct);
    }
}

/// <summary>
/// <c>amend-request</c>: a request returned for changes gets a new name, kind, founding members,
/// proposed secretary or size approval; its units stay (they are what it locks).
/// </summary>
public sealed class AmendRequestEffect(PartyWorkflowDbContext db) : IEffectHandler
{
    public const string EffectId = "amend-request";

    public string Id => EffectId;

    private ReadBatch.Rows<EstablishmentFoundingMember>? founding;

    public void Prefetch(ReadBatch batch, EffectReads reads) => founding = EstablishmentRequests.PrefetchFoundingMembers(batch, reads);

    public async Task ApplyAsync(EffectContext context, CancellationToken ct)
    {
        var request = await db.EstablishmentRequests.FindAsync([context.Instance.SubjectId], ct)
                      ?? throw new InvalidOperationException($"no establishment request {context.Instance.SubjectId}");
        if (!EstablishmentRequests.Ids(context.Facts["unitIds"]).Order().SequenceEqual(EstablishmentRequests.Ids(request.UnitIds).Order()))
            throw RuleRefusalException.For("request-units-unchanged", "unitIds：修改请示不能更换单位，请撤回后重新提出", "unitIds: an amendment keeps the units; withdraw and submit a new request to change them");
        request.Name = FactReader.Text(context.Facts, "name")?.Trim() ?? request.Name;
        request.ProposedKind = FactReader.Text(context.Facts, "proposedKind") ?? request.ProposedKind;
        request.ProposedSecretaryId = FactReader.Id(context.Facts, "proposedSecretaryId") ?? request.ProposedSecretaryId;
        if (context.Facts["foundingMemberIds"] is { } listed)
            await EstablishmentRequests.ReplaceFoundingMembersAsync(db, request.Id, EstablishmentRequests.Ids(listed), founding?.Items, ct);
    }
}
