using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Registry;

public sealed record GetOrganization(Guid Id) : IQuery<OrganizationView>;

public sealed record ListOrganizations(string? Kind, Guid? ParentId) : IQuery<IReadOnlyList<OrganizationView>>;

public sealed record GetMember(Guid Id) : IQuery<MemberView>;

public sealed record ListMembers(Guid? BranchId, string? Membership, string? Name = null) : IQuery<IReadOnlyList<MemberView>>;

public sealed class RegistryQueryHandlers(PartyWorkflowDbContext db) :
    IQueryHandler<GetOrganization, OrganizationView>,
    IQueryHandler<ListOrganizations, IReadOnlyList<OrganizationView>>,
    IQueryHandler<GetMember, MemberView>,
    IQueryHandler<ListMembers, IReadOnlyList<MemberView>>
{
    public async ValueTask<OrganizationView> Handle(GetOrganization query, CancellationToken ct) =>
        OrganizationView.From(await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == query.Id, ct)
                              ?? throw new NotFoundException("party organization", query.Id.ToString()));

    public async ValueTask<IReadOnlyList<OrganizationView>> Handle(ListOrganizations query, CancellationToken ct) =>
        (await db.Organizations.AsNoTracking()
            .Where(o => query.Kind == null || o.Kind == query.Kind)
            .Where(o => query.ParentId == null || o.ParentId == query.ParentId)
            .OrderBy(o => o.Name).Take(1000).ToListAsync(ct))
        .Select(OrganizationView.From).ToList();

    public async ValueTask<MemberView> Handle(GetMember query, CancellationToken ct) =>
        MemberView.From(await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.Id && p.Membership != "none", ct)
                        ?? throw new NotFoundException("member", query.Id.ToString()));

    public async ValueTask<IReadOnlyList<MemberView>> Handle(ListMembers query, CancellationToken ct) =>
        (await db.People.AsNoTracking()
            .Where(p => p.Membership != "none")
            .Where(p => query.BranchId == null || p.BranchId == query.BranchId)
            .Where(p => query.Membership == null || p.Membership == query.Membership)
            .Where(p => string.IsNullOrWhiteSpace(query.Name) || p.Name.Contains(query.Name.Trim()))
            .OrderBy(p => p.Name).Take(1000).ToListAsync(ct))
        .Select(MemberView.From).ToList();
}
