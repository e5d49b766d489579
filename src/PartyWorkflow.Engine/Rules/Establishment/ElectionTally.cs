using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// The founding meeting's tally (选举工作条例 2020): voters entitled and present, ballots cast, seats,
/// and each candidate's yes, no and abstain. <see cref="Elected"/> applies <c>elected-by-majority</c>:
/// yes votes over half of the entitled voters, the most votes winning where more pass than there are seats.
/// </summary>
public sealed record ElectionTally(int Entitled, int Present, int BallotsCast, int Seats, IReadOnlyList<ElectionTally.Candidate> Candidates, Guid? SecretaryId, Guid? DeputyId)
{
    public sealed record Candidate(Guid MemberId, int Yes, int No, int Abstain);

    internal static readonly RuleFact[] Reads =
    [
        RuleFact.Named("entitled"), RuleFact.Named("present"), RuleFact.Named("ballotsCast"), RuleFact.Named("seats"), RuleFact.Named("candidates"),
        RuleFact.Named("secretaryId", optional: true), RuleFact.Named("deputySecretaryId", optional: true),
    ];

    public static ElectionTally From(JsonObject facts) => new(
        FactReader.Integer(facts, "entitled") ?? 0, FactReader.Integer(facts, "present") ?? 0, FactReader.Integer(facts, "ballotsCast") ?? 0,
        FactReader.Integer(facts, "seats") ?? 0,
        (facts["candidates"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(c => FactReader.Id(c, "memberId") is { } id
                ? new Candidate(id, FactReader.Integer(c, "yes") ?? 0, FactReader.Integer(c, "no") ?? 0, FactReader.Integer(c, "abstain") ?? 0)
                : null)
            .OfType<Candidate>().ToList(),
        FactReader.Id(facts, "secretaryId"), FactReader.Id(facts, "deputySecretaryId"));

    /// <summary>Those elected, most votes first; ties at the last seat leave it empty for a further round.</summary>
    public IReadOnlyList<Candidate> Elected
    {
        get
        {
            var passed = Candidates.Where(c => 2 * c.Yes > Entitled).OrderByDescending(c => c.Yes).ToList();
            if (passed.Count <= Seats) return passed;
            var last = passed[Seats - 1].Yes;
            // Where the last seat is tied, none of the tied candidates is elected: a further round decides.
            return passed[Seats].Yes == last ? passed.Where(c => c.Yes > last).ToList() : passed.Take(Seats).ToList();
        }
    }
}
