using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// The counts of a branch meeting. Members who cannot attend may vote in writing (书面表决);
/// their votes count towards the majority but not towards the quorum.
/// </summary>
public sealed record MeetingTally(int Entitled, int Present, int Yes, int No, int Abstain, int WrittenYes, int WrittenNo, int WrittenAbstain, int? WrittenVoters)
{
    public int WrittenTotal => WrittenYes + WrittenNo + WrittenAbstain;
    public int AllYes => Yes + WrittenYes;

    public static MeetingTally From(JsonObject facts)
    {
        var written = facts["written"] as JsonObject;
        return new MeetingTally(
            FactReader.Integer(facts, "entitled") ?? 0,
            FactReader.Integer(facts, "present") ?? 0,
            FactReader.Integer(facts, "yes") ?? 0,
            FactReader.Integer(facts, "no") ?? 0,
            FactReader.Integer(facts, "abstain") ?? 0,
            FactReader.Integer(written, "yes") ?? 0,
            FactReader.Integer(written, "no") ?? 0,
            FactReader.Integer(written, "abstain") ?? 0,
            FactReader.Integer(written, "voters"));
    }
}
