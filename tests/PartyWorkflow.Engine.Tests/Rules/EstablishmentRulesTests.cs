using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Engine.Tests.Support;

namespace PartyWorkflow.Engine.Tests.Rules;

/// <summary>The establishment request's rules at their boundaries, over units as the registry snapshot gives them.</summary>
public sealed class EstablishmentRulesTests
{
    private static readonly DateOnly Date = new(2026, 3, 1);

    private static UnitSnapshot Unit(int full, string county = "990101", string? industry = "C", int probationary = 0,
        IReadOnlyList<PersonSnapshot>? registered = null, IReadOnlyList<CoveragePeriod>? coverage = null, IReadOnlyList<UnitLock>? locks = null,
        bool? leaderIsMember = null) =>
        new(Guid.NewGuid(), $"单位{full}", "non-public-enterprise", county, industry, true, full, probationary, leaderIsMember, registered ?? [], coverage ?? [], locks ?? []);

    private static RuleResult Check(IRule rule, string mode, IReadOnlyList<UnitSnapshot> units, JsonObject? more = null, IReadOnlyList<PersonSnapshot>? people = null)
    {
        var facts = new JsonObject { ["date"] = "2026-03-01", ["mode"] = mode, ["unitIds"] = new JsonArray(units.Select(u => (JsonNode)u.Id.ToString()).ToArray()) };
        foreach (var (key, value) in more ?? []) facts[key] = value?.DeepClone();
        var context = RuleCheck.Context(rule, facts.ToJsonString()) with
        {
            Registry = new RegistrySnapshot { Units = units.ToDictionary(u => u.Id), People = (people ?? []).ToDictionary(p => p.Id) },
        };
        return rule.Evaluate(context);
    }

    [Fact]
    public void A_standalone_request_needs_one_unit_with_three_full_members()
    {
        var rule = new StandaloneMinThreeFullMembers();
        Assert.False(Check(rule, "standalone", [Unit(2)]).Met);
        Assert.True(Check(rule, "standalone", [Unit(3)]).Met);
        Assert.False(Check(rule, "standalone", [Unit(3), Unit(3)]).Met);
        var registered = Enumerable.Range(0, 3).Select(_ => new PersonSnapshot(Guid.NewGuid(), "full", true, null)).ToList();
        Assert.True(Check(rule, "standalone", [Unit(0, registered: registered)]).Met);
        Assert.True(Check(rule, "joint", [Unit(1), Unit(1)]).Met);
    }

    [Fact]
    public void A_joint_request_covers_two_to_five_small_units_of_one_county_or_industry_with_three_together()
    {
        var five = Enumerable.Range(0, 5).Select(_ => Unit(1)).ToList();
        Assert.True(Check(new JointTwoToFiveUnits(), "joint", five).Met);
        Assert.False(Check(new JointTwoToFiveUnits(), "joint", [.. five, Unit(1)]).Met);
        Assert.False(Check(new JointTwoToFiveUnits(), "joint", [Unit(3)]).Met);

        Assert.True(Check(new JointOnlyBelowThree(), "joint", [Unit(2), Unit(2)]).Met);
        var large = Check(new JointOnlyBelowThree(), "joint", [Unit(3), Unit(0)]);
        Assert.False(large.Met);
        Assert.Contains("单位3", large.Message!.Zh);

        Assert.True(Check(new JointSameCountyOrIndustry(), "joint", [Unit(1, "990101", "C"), Unit(1, "990102", "C")]).Met);
        Assert.True(Check(new JointSameCountyOrIndustry(), "joint", [Unit(1, "990101", "C"), Unit(1, "990101", "G")]).Met);
        Assert.False(Check(new JointSameCountyOrIndustry(), "joint", [Unit(1, "990101", "C"), Unit(1, "990102", "G")]).Met);

        Assert.False(Check(new JointMinThreeFullMembers(), "joint", [Unit(1), Unit(1)]).Met);
        Assert.True(Check(new JointMinThreeFullMembers(), "joint", [Unit(1), Unit(2)]).Met);
    }

    [Fact]
    public void The_proposed_kind_fits_the_members_unless_an_approval_is_recorded()
    {
        var rule = new KindFitsSize();
        var big = Unit(100, probationary: 20);
        Assert.False(Check(rule, "standalone", [big], new JsonObject { ["proposedKind"] = "branch" }).Met);
        Assert.True(Check(rule, "standalone", [big], new JsonObject { ["proposedKind"] = "branch", ["sizeApproval"] = "县两新工委〔2026〕3号" }).Met);
        Assert.True(Check(rule, "standalone", [big], new JsonObject { ["proposedKind"] = "general-branch" }).Met);
        Assert.True(Check(rule, "standalone", [Unit(50)], new JsonObject { ["proposedKind"] = "branch" }).Met);
        Assert.False(Check(rule, "standalone", [Unit(51)], new JsonObject { ["proposedKind"] = "branch" }).Met);
    }

    [Fact]
    public void A_unit_covered_on_the_date_from_it_on_or_in_another_open_request_is_refused()
    {
        var rule = new UnitNotCoveredByOthers();
        var organization = Guid.NewGuid();
        Assert.False(Check(rule, "standalone", [Unit(3, coverage: [new(organization, "standalone", Date.AddYears(-1), null)])]).Met);
        Assert.True(Check(rule, "standalone", [Unit(3, coverage: [new(organization, "standalone", Date.AddYears(-2), Date)])]).Met);
        Assert.False(Check(rule, "joint", [Unit(1), Unit(1, coverage: [new(organization, "joint", Date.AddMonths(2), null)])]).Met);
        var locked = Check(rule, "joint", [Unit(1), Unit(1, locks: [new("one-open-request-per-unit", Guid.NewGuid())])]);
        Assert.False(locked.Met);
        Assert.Contains("open establishment request", locked.Message!.En);
        Assert.True(Check(rule, "functional", [Unit(0, coverage: [new(organization, "standalone", Date.AddYears(-1), null)])]).Met);
    }

    [Fact]
    public void Founding_members_work_in_the_units_and_the_roll_of_voters_is_theirs()
    {
        var rule = new FoundingMembersInUnits();
        var members = Enumerable.Range(0, 3).Select(i => new PersonSnapshot(Guid.NewGuid(), "full", i < 2, null)).ToList();
        var unit = Unit(3, registered: members);
        var founding = new JsonArray(members.Select(m => (JsonNode)m.Id.ToString()).ToArray());
        Assert.True(Check(rule, "standalone", [unit], new JsonObject { ["foundingMemberIds"] = founding }).Met);
        var stranger = Guid.NewGuid().ToString();
        Assert.False(Check(rule, "standalone", [unit], new JsonObject { ["foundingMemberIds"] = new JsonArray(members[0].Id.ToString(), stranger) }).Met);
        Assert.False(Check(rule, "standalone", [unit], new JsonObject { ["foundingMemberIds"] = new JsonArray() }).Met);

        // At the meeting: the stored request's founding members, and the roll of this action.
        var instance = InstanceSnapshot.New with { Facts = new JsonObject { ["submit-request"] = new JsonObject { ["foundingMemberIds"] = founding.DeepClone() } } };
        RuleResult Roll(int entitled, params Guid[] voters)
        {
            var facts = new JsonObject { ["date"] = "2026-05-01", ["entitled"] = entitled, ["voterIds"] = new JsonArray(voters.Select(v => (JsonNode)v.ToString()).ToArray()) };
            return rule.Evaluate(RuleCheck.Context(rule, facts.ToJsonString(), instance) with { Registry = new RegistrySnapshot { People = members.ToDictionary(p => p.Id) } });
        }
        Assert.True(Roll(2, members[0].Id, members[1].Id).Met);
        Assert.False(Roll(3, members[0].Id, members[1].Id).Met);
        Assert.False(Roll(3, members[0].Id, members[1].Id, members[2].Id).Met);
        Assert.False(Roll(1, Guid.NewGuid()).Met);
    }

    private static RuleResult Election(IRule rule, int entitled, int present, int ballots, int seats, params (Guid Id, int Yes)[] candidates) =>
        Election(rule, entitled, present, ballots, seats, null, candidates);

    private static RuleResult Election(IRule rule, int entitled, int present, int ballots, int seats, Guid? secretary, params (Guid Id, int Yes)[] candidates)
    {
        var facts = new JsonObject
        {
            ["date"] = "2026-05-01", ["entitled"] = entitled, ["present"] = present, ["ballotsCast"] = ballots, ["seats"] = seats,
            ["candidates"] = new JsonArray(candidates.Select(c => (JsonNode)new JsonObject { ["memberId"] = c.Id.ToString(), ["yes"] = c.Yes, ["no"] = 0, ["abstain"] = 0 }).ToArray()),
        };
        if (secretary is { } s) facts["secretaryId"] = s.ToString();
        return RuleCheck.Evaluate(rule, facts.ToJsonString());
    }

    private static (Guid, int)[] Candidates(params int[] yes) => yes.Select(y => (Guid.NewGuid(), y)).ToArray();

    [Fact]
    public void An_election_needs_more_than_four_fifths_present()
    {
        Assert.False(Election(new ElectionQuorumFourFifths(), 10, 8, 8, 1, Candidates(8)).Met);
        Assert.True(Election(new ElectionQuorumFourFifths(), 10, 9, 9, 1, Candidates(9)).Met);
    }

    [Fact]
    public void The_tally_adds_up()
    {
        var rule = new ElectionTallyConsistent();
        Assert.True(Election(rule, 10, 9, 9, 1, Candidates(9)).Met);
        Assert.False(Election(rule, 10, 9, 10, 1, Candidates(9)).Met);
        Assert.False(Election(rule, 10, 11, 9, 1, Candidates(9)).Met);
        Assert.False(Election(rule, 10, 9, 9, 1, Candidates(10)).Met);
        Assert.False(Election(rule, 10, 9, 9, 1, Candidates(6, 6)).Met);
    }

    [Fact]
    public void A_committee_has_at_least_twenty_percent_more_candidates_than_seats()
    {
        var rule = new CandidatesTwentyPercentMore();
        Assert.False(Election(rule, 20, 18, 18, 5, Candidates(10, 10, 10, 10, 10)).Met);
        Assert.True(Election(rule, 20, 18, 18, 5, Candidates(10, 10, 10, 10, 10, 5)).Met);
        Assert.True(Election(rule, 5, 5, 5, 1, Candidates(5)).Met);
    }

    [Fact]
    public void Elected_with_yes_votes_over_half_of_the_entitled()
    {
        var rule = new ElectedByMajority();
        Assert.False(Election(rule, 9, 9, 9, 1, Candidates(4)).Met);
        Assert.True(Election(rule, 9, 9, 9, 1, Candidates(5)).Met);
        // Two pass for one seat: the most votes win; a tie leaves the seat for a further round.
        Assert.True(Election(rule, 9, 9, 9, 1, Candidates(6, 5)).Met);
        Assert.False(Election(rule, 9, 9, 9, 1, Candidates(5, 5)).Met);
    }

    [Fact]
    public void Seven_full_members_elect_a_committee_fewer_a_secretary_who_is_among_those_elected()
    {
        var rule = new CommitteeWhenSeven();
        Assert.False(Election(rule, 7, 7, 7, 1, Candidates(7)).Met);
        Assert.True(Election(rule, 7, 7, 7, 3, Candidates(6, 6, 6, 2)).Met);
        Assert.False(Election(rule, 6, 6, 6, 3, Candidates(6, 6, 6, 2)).Met);
        var (secretary, loser) = (Guid.NewGuid(), Guid.NewGuid());
        Assert.True(Election(rule, 6, 6, 6, 1, secretary, (secretary, 5), (loser, 1)).Met);
        Assert.False(Election(rule, 6, 6, 6, 1, loser, (secretary, 5), (loser, 1)).Met);
    }

    [Fact]
    public void A_temporary_organization_names_a_project_of_six_months_or_more_whose_end_becomes_a_date()
    {
        var rule = new ProjectEndDate();
        Assert.False(Check(rule, "functional", []).Met);
        Assert.False(Check(rule, "functional", [], new JsonObject { ["projectEndsOn"] = "2026-08-31" }).Met);
        var met = Check(rule, "functional", [], new JsonObject { ["projectEndsOn"] = "2026-09-01" });
        Assert.True(met.Met);
        Assert.Equal(new DateOnly(2026, 9, 1), met.Computed["projectEnd"]);
        Assert.True(Check(rule, "standalone", []).Met);
    }

    [Fact]
    public void A_step_is_taken_only_on_its_modes_path_and_a_resumed_request_is_standalone()
    {
        var rule = new StepFitsMode();
        RuleResult On(string mode, JsonObject? resumed = null, string parameters = """{ "modes": "standalone,joint" }""")
        {
            var facts = new JsonObject { ["submit-request"] = new JsonObject { ["mode"] = mode } };
            if (resumed is not null) facts["resume-as-standalone"] = resumed;
            return RuleCheck.Evaluate(rule, """{ "date": "2026-05-01" }""", InstanceSnapshot.New with { Facts = facts }, parameters: parameters);
        }
        Assert.True(On("joint").Met);
        Assert.False(On("affiliated").Met);
        Assert.True(On("dispatched", new JsonObject { ["mode"] = "standalone" }).Met);
        Assert.True(On("dispatched", new JsonObject { ["mode"] = "standalone" }, """{ "modes": "dispatched", "of": "request" }""").Met);
    }

    [Fact]
    public void No_application_goes_to_a_temporary_organization()
    {
        var rule = new TemporaryBranchNoAdmission();
        var (temporary, branch) = (Guid.NewGuid(), Guid.NewGuid());
        RuleResult To(Guid id) => rule.Evaluate(RuleCheck.Context(rule, $$"""{ "branchId": "{{id}}" }""") with
        {
            Registry = new RegistrySnapshot
            {
                Organizations = new Dictionary<Guid, OrganizationSnapshot>
                {
                    [temporary] = new(temporary, "branch", null, false, "functional"), [branch] = new(branch, "branch", null, false, "standalone"),
                },
            },
        });
        Assert.False(To(temporary).Met);
        Assert.True(To(branch).Met);
    }

    [Fact]
    public void Where_the_leader_is_a_member_the_request_is_warned_to_propose_them_as_secretary()
    {
        var rule = new SecretaryPrefersLeader();
        var failed = Check(rule, "standalone", [Unit(3, leaderIsMember: true)]);
        Assert.False(failed.Met);
        Assert.Contains("负责人", failed.Message!.Zh);
        Assert.True(Check(rule, "standalone", [Unit(3, leaderIsMember: true)], new JsonObject { ["proposedSecretaryIsLeader"] = true }).Met);
        Assert.True(Check(rule, "standalone", [Unit(3, leaderIsMember: false)]).Met);
        Assert.True(Check(rule, "standalone", [Unit(3)]).Met);
        Assert.True(Check(rule, "affiliated", [Unit(1, leaderIsMember: true)]).Met);
    }

    [Fact]
    public void A_proposed_secretary_when_required_is_a_full_member_of_one_of_the_units()
    {
        var rule = new SecretaryCandidateRequired();
        var full = new PersonSnapshot(Guid.NewGuid(), "full", true, null);
        var probationary = new PersonSnapshot(Guid.NewGuid(), "probationary", false, null);
        var unit = Unit(0, registered: [full, probationary]);
        Assert.False(Check(rule, "standalone", [unit]).Met);
        Assert.True(Check(rule, "standalone", [unit], new JsonObject { ["proposedSecretaryId"] = full.Id.ToString() }).Met);
        Assert.False(Check(rule, "standalone", [unit], new JsonObject { ["proposedSecretaryId"] = probationary.Id.ToString() }).Met);
        Assert.False(Check(rule, "joint", [unit, Unit(1)], new JsonObject { ["proposedSecretaryId"] = Guid.NewGuid().ToString() }).Met);
        Assert.True(Check(rule, "functional", [unit]).Met);
    }

    [Fact]
    public void An_affiliated_request_when_required_records_the_commitment_letter()
    {
        var rule = new AffiliationCommitment();
        Assert.False(Check(rule, "affiliated", [Unit(1)]).Met);
        Assert.False(Check(rule, "affiliated", [Unit(1)], new JsonObject { ["commitmentLetter"] = "  " }).Met);
        Assert.True(Check(rule, "affiliated", [Unit(1)], new JsonObject { ["commitmentLetter"] = "承诺书 2026-02-20" }).Met);
        Assert.True(Check(rule, "standalone", [Unit(3)]).Met);
    }

    [Fact]
    public void A_renewal_held_early_or_late_needs_an_approval_and_is_advanced_by_at_most_a_year()
    {
        var rule = new TermChangeApproved();
        var organization = new OrganizationSnapshot(Guid.NewGuid(), "branch", null, false, "standalone", new DateOnly(2027, 6, 30));
        RuleResult Held(string date, string? approval = null, OrganizationSnapshot? of = null)
        {
            var facts = new JsonObject { ["date"] = date, ["organizationId"] = (of ?? organization).Id.ToString() };
            if (approval is not null) facts["termChangeApproval"] = approval;
            return rule.Evaluate(RuleCheck.Context(rule, facts.ToJsonString(), today: new DateOnly(2029, 1, 1)) with
            {
                Registry = new RegistrySnapshot { Organizations = new Dictionary<Guid, OrganizationSnapshot> { [(of ?? organization).Id] = of ?? organization } },
            });
        }

        // On time: from 3 months before the end through the end.
        Assert.True(Held("2027-03-30").Met);
        Assert.True(Held("2027-06-30").Met);
        // Advanced: needs an approval; more than 12 months early is refused even with one.
        Assert.False(Held("2027-03-29").Met);
        Assert.True(Held("2027-03-29", "县两新工委〔2027〕5号").Met);
        Assert.True(Held("2026-06-30", "县两新工委〔2026〕9号").Met);
        var tooEarly = Held("2026-06-29", "县两新工委〔2026〕9号");
        Assert.False(tooEarly.Met);
        Assert.Contains("12个月", tooEarly.Message!.Zh);
        // Postponed: needs an approval, then passes (the organization must still renew).
        var late = Held("2027-07-01");
        Assert.False(late.Met);
        Assert.Contains("延期", late.Message!.Zh);
        Assert.True(Held("2027-07-01", "州两新工委批复").Met);
        Assert.True(Held("2028-09-01", "州两新工委批复").Met);
        // No term on record: the first one starts here.
        Assert.True(Held("2020-01-01", of: organization with { TermEndsOn = null }).Met);
    }
}
