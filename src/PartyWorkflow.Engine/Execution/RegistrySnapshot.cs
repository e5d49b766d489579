namespace PartyWorkflow.Engine.Execution;

/// <summary>
/// The registry rows an action's rules need, loaded by the caller in one go (never one query per rule).
/// </summary>
public sealed record RegistrySnapshot
{
    public IReadOnlyDictionary<Guid, PersonSnapshot> People { get; init; } = new Dictionary<Guid, PersonSnapshot>();
    public IReadOnlyDictionary<Guid, OrganizationSnapshot> Organizations { get; init; } = new Dictionary<Guid, OrganizationSnapshot>();
    /// <summary>For a new application: what the registry already knows of the applicant (by citizen ID).</summary>
    public ApplicantStatus? Applicant { get; init; }

    public static readonly RegistrySnapshot Empty = new();
}

public sealed record PersonSnapshot(Guid Id, string Membership, bool HasVotingRights, Guid? BranchId, bool UnderProbationaryDiscipline = false)
{
    public bool IsFullMember => Membership == "full";
}

public sealed record OrganizationSnapshot(Guid Id, string Kind, Guid? ParentId, bool HasApprovalAuthority);

public sealed record ApplicantStatus(Guid PersonId, string Membership, bool HasOpenProcess);
