using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Tests.Support;

/// <summary>The people and organizations the happy path refers to, as the caller would load them.</summary>
internal static class TestRegistry
{
    public static readonly Guid Secretary = Guid.Parse("00000000-0000-0000-0000-00000000a001");
    public static readonly Guid ContactOne = Guid.Parse("00000000-0000-0000-0000-00000000a002");
    public static readonly Guid ContactTwo = Guid.Parse("00000000-0000-0000-0000-00000000a003");
    public static readonly Guid SponsorOne = Guid.Parse("00000000-0000-0000-0000-00000000a004");
    public static readonly Guid SponsorTwo = Guid.Parse("00000000-0000-0000-0000-00000000a005");
    public static readonly Guid Branch = Guid.Parse("00000000-0000-0000-0000-00000000b001");
    public static readonly Guid PartyCommittee = Guid.Parse("00000000-0000-0000-0000-00000000b002");
    public static readonly Guid Unknown = Guid.Parse("00000000-0000-0000-0000-00000000dead");

    public static readonly RegistrySnapshot Snapshot = new()
    {
        People = new[] { Secretary, ContactOne, ContactTwo, SponsorOne, SponsorTwo }
            .ToDictionary(id => id, id => new PersonSnapshot(id, "full", HasVotingRights: true, BranchId: Branch)),
        Organizations = new Dictionary<Guid, OrganizationSnapshot>
        {
            [Branch] = new(Branch, "branch", PartyCommittee, HasApprovalAuthority: false),
            [PartyCommittee] = new(PartyCommittee, "party-committee", null, HasApprovalAuthority: true),
        },
    };
}
