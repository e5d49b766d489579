namespace PartyWorkflow.Engine.Execution;

/// <summary>
/// The registry rows an action's rules need, loaded by the caller in one go (never one query per rule).
/// </summary>
public sealed record RegistrySnapshot
{
    public IReadOnlyDictionary<Guid, PersonSnapshot> People { get; init; } = new Dictionary<Guid, PersonSnapshot>();
    public IReadOnlyDictionary<Guid, OrganizationSnapshot> Organizations { get; init; } = new Dictionary<Guid, OrganizationSnapshot>();
    /// <summary>When starting an instance: what the registry already knows of its subject (a person found by citizen ID, say).</summary>
    public SubjectStatus? Subject { get; init; }
    /// <summary>The training classes the instance's subject attended, as the registry records them.</summary>
    public IReadOnlyList<TrainingSnapshot> SubjectTraining { get; init; } = [];

    public static readonly RegistrySnapshot Empty = new();
}

public sealed record PersonSnapshot(Guid Id, string Membership, bool HasVotingRights, Guid? BranchId, bool UnderProbationaryDiscipline = false)
{
    public bool IsFullMember => Membership == "full";
}

public sealed record OrganizationSnapshot(Guid Id, string Kind, Guid? ParentId, bool HasApprovalAuthority);

/// <summary>
/// A known subject at the start of an instance: its membership where it is a person, and whether
/// an open instance already holds one of the definition's uniqueness locks on it.
/// </summary>
public sealed record SubjectStatus(Guid Id, string? Membership, bool HasOpenProcess);

/// <summary>A class a person attended: its id, kind (<c>activists</c>, <c>development-targets</c>…), end, days and class hours.</summary>
public sealed record TrainingSnapshot(Guid ClassId, string Kind, DateOnly EndsOn, int Days, int ClassHours);
