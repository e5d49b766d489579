namespace PartyWorkflow.Engine.Organizations;

/// <summary>The members of the units an organization covers on a date, by the mode that covers them.</summary>
/// <param name="Kind"><c>branch</c>, <c>general-branch</c> or <c>party-committee</c>.</param>
/// <param name="StandaloneUnits">Units it covers on its own, and the fewest full members among them.</param>
/// <param name="JointUnits">Units it covers jointly, the most full members among them, and theirs together.</param>
/// <param name="Full">Full members of every unit it covers (affiliated ones too).</param>
/// <param name="Members">Full and probationary members of every unit it covers.</param>
public sealed record OrganizationSize(string Kind, int StandaloneUnits, int StandaloneLeastFull, int JointUnits, int JointMostFull, int JointFull, int Full, int Members)
{
    /// <summary>From the full members of each unit covered standalone and jointly.</summary>
    public static OrganizationSize Of(string kind, IReadOnlyList<int> standaloneFull, IReadOnlyList<int> jointFull, int? full = null, int? members = null) => new(
        kind, standaloneFull.Count, standaloneFull.DefaultIfEmpty().Min(), jointFull.Count, jointFull.DefaultIfEmpty().Max(), jointFull.Sum(),
        full ?? standaloneFull.Sum() + jointFull.Sum(), members ?? standaloneFull.Sum() + jointFull.Sum());
}

/// <summary>A size rule an organization no longer meets, with what was counted.</summary>
public sealed record SizeFlag(string RuleId, string Zh, string En);

/// <summary>
/// The spec's size rules (standalone, joint and kind), checked against what an organization covers
/// today: an organization that met them when it was set up may not any more (members leave, a
/// unit of a joint branch grows to three full members and should stand alone). Pure; the caller
/// counts the members.
/// </summary>
public static class SizeRules
{
    public const int MinFull = 3, JointMinUnits = 2, JointMaxUnits = 5, BranchMaxMembers = 50, PartyCommitteeMinMembers = 101;

    public static IReadOnlyList<SizeFlag> Check(OrganizationSize size)
    {
        var flags = new List<SizeFlag>();
        if (size.StandaloneUnits > 0 && size.StandaloneLeastFull < MinFull)
            flags.Add(new("standalone-min-3-full-members", $"单独组建的单位正式党员仅{size.StandaloneLeastFull}名，应不少于{MinFull}名",
                $"a unit covered standalone has {size.StandaloneLeastFull} full member(s); at least {MinFull} are required"));
        if (size.JointUnits > 0)
        {
            if (size.JointUnits is < JointMinUnits or > JointMaxUnits)
                flags.Add(new("joint-2-to-5-units", $"联合组建覆盖{size.JointUnits}个单位，应为{JointMinUnits}至{JointMaxUnits}个",
                    $"a joint organization covers {size.JointUnits} unit(s); it should cover {JointMinUnits} to {JointMaxUnits}"));
            if (size.JointMostFull >= MinFull)
                flags.Add(new("joint-only-below-3", $"联合组建中有单位正式党员已达{size.JointMostFull}名，应单独组建",
                    $"a unit of the joint organization has {size.JointMostFull} full members and should stand alone"));
            if (size.JointFull < MinFull)
                flags.Add(new("joint-min-3-full-members", $"联合组建的单位共有正式党员{size.JointFull}名，应不少于{MinFull}名",
                    $"the units together have {size.JointFull} full member(s); at least {MinFull} are required"));
        }
        if (KindMisfit(size) is { } misfit) flags.Add(misfit);
        return flags;
    }

    /// <summary>
    /// <c>kind-fits-size</c>: a branch has 3 or more full members and generally at most 50 members; a
    /// general branch more than 50; a party committee more than 100. The exceptions need a recorded
    /// approval, so the flag stands until the work committee records its decision.
    /// </summary>
    private static SizeFlag? KindMisfit(OrganizationSize size) => size.Kind switch
    {
        "branch" when size.Full < MinFull => new("kind-fits-size", $"党支部正式党员{size.Full}名，应不少于{MinFull}名",
            $"a branch with {size.Full} full member(s); at least {MinFull} are required"),
        "branch" when size.Members > BranchMaxMembers => new("kind-fits-size", $"党支部党员{size.Members}名，超过{BranchMaxMembers}名，应经上级批准或改设党总支",
            $"a branch with {size.Members} members, more than {BranchMaxMembers}: it needs an approval or should become a general branch"),
        "general-branch" when size.Members <= BranchMaxMembers => new("kind-fits-size", $"党总支党员{size.Members}名，未超过{BranchMaxMembers}名，应经上级批准",
            $"a general branch with {size.Members} members, not more than {BranchMaxMembers}: it needs an approval"),
        "party-committee" when size.Members < PartyCommitteeMinMembers => new("kind-fits-size", $"党委党员{size.Members}名，未超过{PartyCommitteeMinMembers - 1}名，应经上级批准",
            $"a party committee with {size.Members} members, not more than {PartyCommitteeMinMembers - 1}: it needs an approval"),
        _ => null,
    };
}
