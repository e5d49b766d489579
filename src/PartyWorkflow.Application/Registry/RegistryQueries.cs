using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Registry;

// Reader: who reads (records outside their scopes are not found, nor listed: Access.ReadScope); null in-process.
public sealed record GetOrganization(Guid Id, Access.Actor? Reader = null) : IQuery<OrganizationView>;

public sealed record ListOrganizations(string? Kind, Guid? ParentId, Access.Actor? Reader = null) : IQuery<IReadOnlyList<OrganizationView>>;

public sealed record GetMember(Guid Id, Access.Actor? Reader = null) : IQuery<MemberView>;

public sealed record ListMembers(Guid? BranchId, string? Membership, string? Name = null, Access.Actor? Reader = null) : IQuery<IReadOnlyList<MemberView>>;

public sealed class RegistryQueryHandlers(PartyWorkflowDbContext db) :
    IQueryHandler<GetOrganization, OrganizationView>,
    IQueryHandler<ListOrganizations, IReadOnlyList<OrganizationView>>,
    IQueryHandler<GetMember, MemberView>,
    IQueryHandler<ListMembers, IReadOnlyList<MemberView>>
{
    public async ValueTask<OrganizationView> Handle(GetOrganization query, CancellationToken ct)
    {
        var allowed = await Access.ReadScope.OrganizationsAsync(db, query.Reader, ct);
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == query.Id, ct);
        return organization is not null && Access.ReadScope.Covers(allowed, organization.Id)
            ? OrganizationView.From(organization)
            : throw new NotFoundException("party organization", query.Id.ToString());
    }

    public async ValueTask<IReadOnlyList<OrganizationView>> Handle(ListOrganizations query, CancellationToken ct)
    {
        var allowed = await Access.ReadScope.OrganizationsAsync(db, query.Reader, ct);
        return (await db.Organizations.AsNoTracking()
                .Where(o => query.Kind == null || o.Kind == query.Kind)
                .Where(o => query.ParentId == null || o.ParentId == query.ParentId)
                .Where(o => allowed == null || allowed.Contains(o.Id))
                .OrderBy(o => o.Name).Take(1000).ToListAsync(ct))
            .Select(OrganizationView.From).ToList();
    }

    public async ValueTask<MemberView> Handle(GetMember query, CancellationToken ct)
    {
        var allowed = await Access.ReadScope.OrganizationsAsync(db, query.Reader, ct);
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.Id && p.Membership != "none", ct);
        return person is not null && Access.ReadScope.CoversPerson(allowed, query.Reader, person.Id, person.BranchId)
            ? MemberView.From(person)
            : throw new NotFoundException("member", query.Id.ToString());
    }

    public async ValueTask<IReadOnlyList<MemberView>> Handle(ListMembers query, CancellationToken ct)
    {
        var allowed = await Access.ReadScope.OrganizationsAsync(db, query.Reader, ct);
        var self = query.Reader?.PersonId;
        return (await db.People.AsNoTracking()
            .Where(p => p.Membership != "none")
            .Where(p => allowed == null || (p.BranchId != null && allowed.Contains(p.BranchId.Value)) || p.Id == self)
            .Where(p => query.BranchId == null || p.BranchId == query.BranchId)
            .Where(p => query.Membership == null || p.Membership == query.Membership)
            .Where(p => string.IsNullOrWhiteSpace(query.Name) || p.Name.Contains(query.Name.Trim()))
            .OrderBy(p => p.Name).Take(1000).ToListAsync(ct))
            .Select(MemberView.From).ToList();
    }
}
