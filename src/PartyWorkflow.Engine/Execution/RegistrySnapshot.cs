namespace PartyWorkflow.Engine.Execution;

/// <summary>
/// The registry rows an action's rules need, loaded by the caller in one go (never one query per rule).
/// </summary>
public sealed record RegistrySnapshot
{
    public IReadOnlyDictionary<Guid, PersonSnapshot> People { get; init; } = new Dictionary<Guid, PersonSnapshot>();
    public IReadOnlyDictionary<Guid, OrganizationSnapshot> Organizations { get; init; } = new Dictionary<Guid, OrganizationSnapshot>();
    /// <summary>The units (enterprises and social organizations) the facts name, with their members, coverage and locks.</summary>
    public IReadOnlyDictionary<Guid, UnitSnapshot> Units { get; init; } = new Dictionary<Guid, UnitSnapshot>();
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

/// <param name="TermEndsOn">The end of its latest elected term; null when none is on record.</param>
public sealed record OrganizationSnapshot(Guid Id, string Kind, Guid? ParentId, bool HasApprovalAuthority, string? FormationMode = null, DateOnly? TermEndsOn = null);

/// <summary>
/// A known subject at the start of an instance: its membership where it is a person, and whether
/// an open instance already holds one of the definition's uniqueness locks on it.
/// </summary>
public sealed record SubjectStatus(Guid Id, string? Membership, bool HasOpenProcess);

/// <summary>A class a person attended: its id, kind (<c>activists</c>, <c>development-targets</c>…), end, days and class hours.</summary>
public sealed record TrainingSnapshot(Guid ClassId, string Kind, DateOnly EndsOn, int Days, int ClassHours);

/// <summary>
/// A unit as the rules see it: its survey counts beside the people registered as working in it,
/// every coverage period (the rule picks the date), and the locks other open instances hold on it.
/// </summary>
public sealed record UnitSnapshot(
    Guid Id, string Name, string Type, string CountyCode, string? IndustryCode, bool HasFixedPremises,
    int SurveyFullMembers, int SurveyProbationaryMembers, bool? LeaderIsMember,
    IReadOnlyList<PersonSnapshot> RegisteredMembers, IReadOnlyList<CoveragePeriod> Coverage, IReadOnlyList<UnitLock> Locks)
{
    /// <summary>Full members: the larger of the registered ones and the survey's (the registry is entered bit by bit).</summary>
    public int FullMembers => Math.Max(SurveyFullMembers, RegisteredMembers.Count(p => p.IsFullMember));

    public int ProbationaryMembers => Math.Max(SurveyProbationaryMembers, RegisteredMembers.Count(p => p.Membership == "probationary"));

    /// <summary>The coverage on a date, or on any date from it on when <paramref name="orLater"/> (a coverage that starts later blocks too).</summary>
    public CoveragePeriod? CoveredOn(DateOnly date, bool orLater = false) =>
        Coverage.FirstOrDefault(c => (orLater || c.From <= date) && (c.To is null || c.To > date));
}

/// <summary>An organization covers the unit from a date until another (exclusive).</summary>
public sealed record CoveragePeriod(Guid OrganizationId, string Mode, DateOnly From, DateOnly? To);

/// <summary>Another open instance holds the unit under a uniqueness constraint (an open establishment request, say).</summary>
public sealed record UnitLock(string Constraint, Guid InstanceId);
