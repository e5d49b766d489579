using System.Diagnostics.CodeAnalysis;
using PartyWorkflow.Engine.Dates;

namespace PartyWorkflow.Engine.Rules;

/// <summary>The rules the engine implements, by id.</summary>
public sealed class RuleCatalog
{
    private readonly Dictionary<string, IRule> rules;

    public RuleCatalog(IEnumerable<IRule> rules) => this.rules = rules.ToDictionary(r => r.Id);

    /// <summary>Every rule, with no working-day calendar (publicity rules then refuse for want of one).</summary>
    public static RuleCatalog Default { get; } = Create(WorkingDayCalendar.Empty);

    public static RuleCatalog Create(WorkingDayCalendar calendar) => new(
    [
        new CitizenIdValid(),
        new ApplicantAge18(),
        new NoOpenApplication(),
        new OrganizationIsABranch(),
        new DateOrder(),
        new InitialTalkWithinOneMonth(),
        new MinMonthsSinceApplication(),
        new DesignationEligibleDate(),
        new ContactsOneOrTwoFullMembers(),
        new ActivistTrainingOneYear(),
        new HalfYearInspections(),
        new SponsorsTwoFullMembers(),
        new PoliticalReviewPassed(),
        new TrainingThreeDaysOr24Hours(),
        new MaterialsComplete(),
        new PublicityFiveWorkingDays(calendar),
        new ApproverHasAuthority(),
        new NotLeavingWithinThreeMonths(),
        new MeetingQuorum(),
        new TallyConsistent(),
        new MajorityOfEntitled(),
        new ApprovalWithinThreeMonths(),
        new ProbationOneYear(),
        new NotBeforeProbationEnd(),
        new ExtensionSixToTwelveMonths(),
        new ExtensionOnce(),
        new ProbationExtension(),
        new FullMembershipDate(),
        new TransferToAnotherBranch(),
        new TemporaryBranchNoAdmission(),
        // Organization establishment.
        new UnitNotCoveredByOthers(),
        new StandaloneMinThreeFullMembers(),
        new JointTwoToFiveUnits(),
        new JointOnlyBelowThree(),
        new JointSameCountyOrIndustry(),
        new JointMinThreeFullMembers(),
        new KindFitsSize(),
        new FoundingMembersInUnits(),
        new ElectionQuorumFourFifths(),
        new ElectionTallyConsistent(),
        new CandidatesTwentyPercentMore(),
        new CommitteeWhenSeven(),
        new ElectedByMajority(),
        new StepFitsMode(),
        new ProjectEndDate(),
        new TermEndDate(),
        new SecretaryPrefersLeader(),
        new SecretaryCandidateRequired(),
        new AffiliationCommitment(),
        new TermChangeApproved(),
    ]);

    public IReadOnlyCollection<string> Ids => rules.Keys;

    /// <summary>This catalog with rules of one's own added; an id that is taken already is an error.</summary>
    public RuleCatalog With(IEnumerable<IRule> more)
    {
        var added = more.ToList();
        if (added.Count == 0) return this;
        if (added.FirstOrDefault(r => rules.ContainsKey(r.Id)) is { } clash)
            throw new InvalidOperationException($"a rule with the id '{clash.Id}' exists already");
        return new RuleCatalog(rules.Values.Concat(added));
    }

    public bool TryGet(string id, [NotNullWhen(true)] out IRule? rule) => rules.TryGetValue(id, out rule);

    public IRule Get(string id) => rules[id];
}
