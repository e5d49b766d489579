namespace PartyWorkflow.Engine.Rules;

/// <summary><c>election-quorum-4-5</c>: an election meeting is valid only if the voters present exceed 4/5 of those entitled.</summary>
public sealed class ElectionQuorumFourFifths : IRule
{
    public string Id => "election-quorum-4-5";

    public RuleContract Contract { get; } = new() { Facts = [RuleFact.Named("entitled"), RuleFact.Named("present")], Fields = [RuleFact.Named("present")] };

    public RuleResult Evaluate(RuleContext context)
    {
        var t = ElectionTally.From(context.Facts);
        return 5 * t.Present > 4 * t.Entitled ? RuleResult.Pass
            : RuleResult.Fail($"到会有选举权的党员{t.Present}人，未超过应到会{t.Entitled}人的五分之四，选举无效",
                $"{t.Present} present is not more than 4/5 of the {t.Entitled} entitled to vote: the election is not valid");
    }
}

/// <summary>
/// <c>election-tally-consistent</c>: ballots cast ≤ voters present ≤ entitled; per candidate,
/// yes + no + abstain ≤ ballots cast; the yes votes of all ballots ≤ ballots × seats.
/// </summary>
public sealed class ElectionTallyConsistent : IRule
{
    public string Id => "election-tally-consistent";

    public RuleContract Contract { get; } = new() { Facts = ElectionTally.Reads, Fields = [RuleFact.Named("ballotsCast"), RuleFact.Named("candidates")] };

    public RuleResult Evaluate(RuleContext context)
    {
        var t = ElectionTally.From(context.Facts);
        if (t.Present > t.Entitled) return RuleResult.Fail($"到会{t.Present}人多于应到会{t.Entitled}人", $"{t.Present} present is more than the {t.Entitled} entitled");
        if (t.BallotsCast > t.Present) return RuleResult.Fail($"收回选票{t.BallotsCast}张多于到会{t.Present}人", $"{t.BallotsCast} ballots cast is more than the {t.Present} present");
        if (t.Candidates.FirstOrDefault(c => c.Yes + c.No + c.Abstain > t.BallotsCast) is { } over)
            return RuleResult.Fail($"候选人{over.MemberId}的赞成、反对、弃权票合计多于收回选票{t.BallotsCast}张", $"candidate {over.MemberId} has more yes, no and abstain votes than the {t.BallotsCast} ballots cast");
        if (t.Candidates.Sum(c => c.Yes) > t.BallotsCast * t.Seats)
            return RuleResult.Fail($"赞成票合计多于选票数×应选人数（{t.BallotsCast}×{t.Seats}）", $"more yes votes in all than ballots × seats ({t.BallotsCast} × {t.Seats})");
        return t.Candidates.Select(c => c.MemberId).Distinct().Count() == t.Candidates.Count ? RuleResult.Pass
            : RuleResult.Fail("候选人重复", "a candidate is listed twice");
    }
}

/// <summary><c>candidates-20-percent-more</c>: for a committee (3 or more seats), the candidates exceed the seats by at least 20% (差额选举).</summary>
public sealed class CandidatesTwentyPercentMore : IRule
{
    public string Id => "candidates-20-percent-more";

    public RuleContract Contract { get; } = new() { Parameters = [RuleParameter.Integer("percent", 20, minimum: 1, maximum: 100)], Facts = ElectionTally.Reads, Fields = [RuleFact.Named("candidates")] };

    public RuleResult Evaluate(RuleContext context)
    {
        var t = ElectionTally.From(context.Facts);
        if (t.Seats < 3) return RuleResult.Pass;
        var percent = context.IntParameter("percent");
        return t.Candidates.Count > t.Seats && 100 * t.Candidates.Count >= (100 + percent) * t.Seats ? RuleResult.Pass
            : RuleResult.Fail($"委员候选人{t.Candidates.Count}名，应多于应选{t.Seats}名的{percent}%（差额选举）",
                $"{t.Candidates.Count} candidates for {t.Seats} seats: there must be at least {percent}% more candidates than seats");
    }
}

/// <summary>
/// <c>committee-when-7</c>: with 7 or more full members (the entitled voters) a committee of 3 to 7
/// is elected, and its first meeting elects the secretary (and a deputy) from among its members;
/// with fewer, the members' meeting elects a secretary (and a deputy if needed), no committee.
/// Either way the secretary and deputy recorded are among those elected.
/// </summary>
public sealed class CommitteeWhenSeven : IRule
{
    public string Id => "committee-when-7";

    public RuleContract Contract { get; } = new()
    {
        Parameters = [RuleParameter.Integer("members", 7, minimum: 2), RuleParameter.Integer("minSeats", 3, minimum: 1), RuleParameter.Integer("maxSeats", 7, minimum: 1)],
        Facts = ElectionTally.Reads, Fields = [RuleFact.Named("seats"), RuleFact.Named("secretaryId", optional: true)],
    };

    public RuleResult Evaluate(RuleContext context)
    {
        var t = ElectionTally.From(context.Facts);
        int members = context.IntParameter("members"), minSeats = context.IntParameter("minSeats"), maxSeats = context.IntParameter("maxSeats");
        if (t.Entitled >= members && (t.Seats < minSeats || t.Seats > maxSeats))
            return RuleResult.Fail($"正式党员{t.Entitled}名（{members}名以上），应选举{minSeats}至{maxSeats}名委员组成支部委员会",
                $"{t.Entitled} full members ({members} or more): a committee of {minSeats} to {maxSeats} is elected");
        if (t.Entitled < members && t.Seats > 2)
            return RuleResult.Fail($"正式党员{t.Entitled}名（不足{members}名），不设委员会，只选书记（必要时一名副书记）",
                $"{t.Entitled} full members (fewer than {members}): no committee, a secretary (and a deputy if needed) is elected");
        var elected = t.Elected.Select(c => c.MemberId).ToHashSet();
        foreach (var (id, zh, en) in new[] { (t.SecretaryId, "书记", "secretary"), (t.DeputyId, "副书记", "deputy secretary") })
            if (id is { } person && !elected.Contains(person))
                return RuleResult.Fail($"{zh}应从当选的{(t.Entitled >= members ? "委员" : "人员")}中产生", $"the {en} is one of those elected");
        return RuleResult.Pass;
    }
}

/// <summary>
/// <c>elected-by-majority</c> (decides): every seat is filled by a candidate with yes votes over half
/// of the entitled voters. A valid meeting that fills fewer seats is recorded as such, and a further round may follow.
/// </summary>
public sealed class ElectedByMajority : IRule
{
    public string Id => "elected-by-majority";

    public RuleContract Contract { get; } = new() { Facts = ElectionTally.Reads, Fields = [RuleFact.Named("candidates")] };

    public RuleResult Evaluate(RuleContext context)
    {
        var t = ElectionTally.From(context.Facts);
        var elected = t.Elected.Count;
        return elected >= t.Seats ? RuleResult.Pass
            : RuleResult.Fail($"应选{t.Seats}名，赞成票超过应到会{t.Entitled}人半数的只有{elected}名，可另行选举",
                $"{elected} of {t.Seats} seat(s) filled with yes votes over half of the {t.Entitled} entitled; a further round may follow");
    }
}
