using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Registry;

public sealed record OrganizationChanges(string? Name, string? Kind, Guid? ParentId, bool? HasApprovalAuthority, string? Email, string? Jurisdiction,
    string? CountyCode = null, string? FormationMode = null, DateOnly? EstablishedOn = null);

/// <summary><c>PATCH</c> changes the fields given; <c>PUT</c> (<see cref="Replace"/>) sets them all.</summary>
/// <param name="By">Who changes it (kind, parent and approval authority are decided above it: <see cref="Access.RightsChanges"/>); null in-process.</param>
public sealed record UpdateOrganization(Guid Id, OrganizationChanges Changes, bool Replace, Access.Actor? By = null) : ICommand<OrganizationView>, IValidate
{
    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (Changes.Name is { } name && (string.IsNullOrWhiteSpace(name) || name.Length > 200)) yield return ("name", "must be 1 to 200 characters");
        if (Changes.Kind is { } kind && !OrganizationView.Kinds.Contains(kind)) yield return ("kind", $"must be one of: {string.Join(", ", OrganizationView.Kinds)}");
        if (Changes.ParentId == Id) yield return ("parentId", "an organization cannot be its own parent");
        foreach (var problem in ContactDetails.Check("email", Changes.Email).Concat(ContactDetails.MaxLength("jurisdiction", Changes.Jurisdiction, 100))
                     .Concat(OrganizationView.CheckFields(Changes.CountyCode, Changes.FormationMode, Changes.EstablishedOn)))
            yield return problem;
        if (!Replace) yield break;
        if (Changes.Name is null) yield return ("name", "is required");
        if (Changes.Kind is null) yield return ("kind", "is required");
        if (Changes.HasApprovalAuthority is null) yield return ("hasApprovalAuthority", "is required");
    }
}

public sealed class UpdateOrganizationHandler(PartyWorkflowDbContext db, OrganizationChecks checks) : ICommandHandler<UpdateOrganization, OrganizationView>
{
    public async ValueTask<OrganizationView> Handle(UpdateOrganization command, CancellationToken ct)
    {
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == command.Id, ct)
                           ?? throw new NotFoundException("party organization", command.Id.ToString());
        var c = command.Changes;
        if ((c.Kind is { } kind && kind != organization.Kind) || (c.HasApprovalAuthority is { } authority && authority != organization.HasApprovalAuthority)
            || ((command.Replace || c.ParentId is not null) && c.ParentId != organization.ParentId))
            await Access.RightsChanges.RequireAsync(db, command.By, organization.Id, strictlyAbove: true, ct);
        organization.Name = c.Name?.Trim() ?? organization.Name;
        organization.Kind = c.Kind ?? organization.Kind;
        organization.HasApprovalAuthority = c.HasApprovalAuthority ?? organization.HasApprovalAuthority;
        organization.Email = command.Replace ? c.Email : c.Email ?? organization.Email;
        organization.Jurisdiction = command.Replace ? c.Jurisdiction : c.Jurisdiction ?? organization.Jurisdiction;
        organization.CountyCode = command.Replace ? c.CountyCode : c.CountyCode ?? organization.CountyCode;
        organization.FormationMode = command.Replace ? c.FormationMode : c.FormationMode ?? organization.FormationMode;
        organization.EstablishedOn = command.Replace ? c.EstablishedOn : c.EstablishedOn ?? organization.EstablishedOn;
        if (command.Replace || c.ParentId is not null)
        {
            if (c.ParentId is { } parentId && await IsSelfOrDescendantAsync(parentId, organization.Id, ct))
                throw RuleRefusalException.For("organization-hierarchy", "上级党组织不能是本组织或其下级组织", "the parent cannot be the organization itself or one of its descendants");
            organization.ParentId = c.ParentId;
        }
        await checks.RefuseAsync(organization.Kind, null, organization.CountyCode, ct);
        if (organization.Kind == "work-committee" && organization.CountyCode is null)
            throw InvalidInputException.For("countyCode", "a work committee names its area / 两新工委应填写所辖县（市）代码");
        if (organization.HasApprovalAuthority && organization.Kind != "party-committee")
            throw RuleRefusalException.For("approval-authority-committee-only",
                "只有党委可以拥有审批权限，党总支和党支部不能", "only a party committee can have approval authority, never a general branch or branch");
        // A change that changes nothing is no new version: a client's ETag stays valid.
        if (db.ChangeTracker.HasChanges()) organization.Version += 1;
        await db.SaveChangesAsync(ct);
        return OrganizationView.From(organization);
    }

    /// <summary>Whether <paramref name="candidate"/> is the organization or lies below it; an unknown id is refused.</summary>
    private async Task<bool> IsSelfOrDescendantAsync(Guid candidate, Guid self, CancellationToken ct)
    {
        var tree = await OrganizationTree.LoadAsync(db, ct);
        if (!tree.Contains(candidate))
            throw RuleRefusalException.For("organization-exists", $"parentId：找不到编号为 {candidate} 的党组织", $"parentId: no party organization with id {candidate}");
        return tree.SelfAndDescendants(self).Contains(candidate);
    }
}
