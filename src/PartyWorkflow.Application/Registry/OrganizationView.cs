using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Registry;

public sealed record OrganizationView(
    Guid Id, string Name, string Kind, Guid? ParentId, bool HasApprovalAuthority, string? Email, string? Jurisdiction,
    string? CountyCode, string? FormationMode, DateOnly? EstablishedOn, DateOnly? DissolvedOn, int Version)
{
    public static OrganizationView From(Organization o) => new(
        o.Id, o.Name, o.Kind, o.ParentId, o.HasApprovalAuthority, o.Email, o.Jurisdiction, o.CountyCode, o.FormationMode, o.EstablishedOn, o.DissolvedOn, o.Version);

    public static readonly string[] Kinds = ["branch", "general-branch", "party-committee", "work-committee"];

    public static readonly string[] FormationModes = ["standalone", "joint", "affiliated", "dispatched", "functional"];

    /// <summary>Kinds that admit no member themselves: a member's branch is a branch or general branch.</summary>
    public static readonly string[] AboveBranches = ["party-committee", "work-committee"];

    /// <summary>Shape checks shared by create and update.</summary>
    public static IEnumerable<(string Field, string Message)> CheckFields(string? countyCode, string? formationMode, DateOnly? establishedOn)
    {
        if (countyCode is { Length: > 12 }) yield return ("countyCode", "must be a county code / 应为县（市）代码");
        if (formationMode is { } mode && !FormationModes.Contains(mode)) yield return ("formationMode", $"must be one of: {string.Join(", ", FormationModes)}");
        if (establishedOn is { Year: < 1921 or > 2100 }) yield return ("establishedOn", "must be a date between 1921 and 2100");
    }
}
