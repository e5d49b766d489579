using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Registry;

public sealed record OrganizationView(Guid Id, string Name, string Kind, Guid? ParentId, bool HasApprovalAuthority, string? Email, string? Jurisdiction, int Version)
{
    public static OrganizationView From(Organization o) => new(o.Id, o.Name, o.Kind, o.ParentId, o.HasApprovalAuthority, o.Email, o.Jurisdiction, o.Version);

    public static readonly string[] Kinds = ["branch", "general-branch", "party-committee"];
}
