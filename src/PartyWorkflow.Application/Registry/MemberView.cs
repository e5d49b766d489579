using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Registry;

/// <summary>
/// A person as the registry shows them: the citizen ID and the phone masked. Whole, they are read one
/// person at a time by the roles that need them (<see cref="GetPersonalData"/>).
/// </summary>
public sealed record MemberView(
    Guid Id, string Name, string Gender, string? Ethnicity, string MaskedCitizenId, string Membership, Guid? BranchId,
    bool HasVotingRights, bool OnDisciplinaryProbation, string? PartyGroup,
    DateOnly? ProbationStart, DateOnly? ProbationEnd, DateOnly? FullMembershipDate, string? Email, int Version, Guid? UnitId = null, string? MaskedPhone = null)
{
    public static MemberView From(Person p) => new(
        p.Id, p.Name, p.Gender, p.Ethnicity, p.CitizenIdMasked, p.Membership, p.BranchId,
        p.HasVotingRights, p.OnDisciplinaryProbation, p.PartyGroup, p.ProbationStart, p.ProbationEnd, p.FullMembershipDate, p.Email, p.Version, p.UnitId, p.PhoneMasked);
}
