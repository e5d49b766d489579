using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Registry;

/// <summary>A person as the registry shows them; the citizen ID is masked and the phone left out.</summary>
public sealed record MemberView(
    Guid Id, string Name, string Gender, string? Ethnicity, string MaskedCitizenId, string Membership, Guid? BranchId,
    bool HasVotingRights, bool OnDisciplinaryProbation, string? PartyGroup,
    DateOnly? ProbationStart, DateOnly? ProbationEnd, DateOnly? FullMembershipDate, string? Email, int Version, Guid? UnitId = null)
{
    public static MemberView From(Person p) => new(
        p.Id, p.Name, p.Gender, p.Ethnicity, Mask(p.CitizenId), p.Membership, p.BranchId,
        p.HasVotingRights, p.OnDisciplinaryProbation, p.PartyGroup, p.ProbationStart, p.ProbationEnd, p.FullMembershipDate, p.Email, p.Version, p.UnitId);

    private static string Mask(string id) => id.Length < 8 ? new string('*', id.Length) : id[..4] + new string('*', id.Length - 8) + id[^4..];
}
