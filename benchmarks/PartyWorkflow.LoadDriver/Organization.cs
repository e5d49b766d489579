namespace PartyWorkflow.LoadDriver;

/// <summary>A branch and its full members; the first is the secretary, who acts and talks, the second the training contact.</summary>
public sealed record Branch(Guid Id, IReadOnlyList<Guid> Members)
{
    public Guid Secretary => Members[0];
    public Guid Contact => Members[1];
}

/// <summary>A party committee with approval authority and the branches under it.</summary>
public sealed record Organization(Guid Committee, IReadOnlyList<Branch> Branches)
{
    private int next;

    /// <summary>Round robin, so applications spread evenly over the branches.</summary>
    public Branch NextBranch() => Branches[(int)((uint)Interlocked.Increment(ref next) % (uint)Branches.Count)];
}
