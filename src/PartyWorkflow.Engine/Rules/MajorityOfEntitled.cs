namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// Yes votes, present and written, exceed half of those entitled to vote (not of those present).
/// It decides the meeting's outcome rather than refusing the record.
/// </summary>
public sealed class MajorityOfEntitled : IRule
{
    public string Id => "majority-of-entitled";

    public RuleContract Contract { get; } = new()
    {
        Facts = [RuleFact.Named("entitled"), RuleFact.Named("present"), RuleFact.Named("yes"), RuleFact.Named("no"), RuleFact.Named("abstain"), RuleFact.Named("written", optional: true)],
        Fields = [RuleFact.Named("yes")],
    };

    public RuleResult Evaluate(RuleContext context)
    {
        var t = MeetingTally.From(context.Facts);
        return 2 * t.AllYes > t.Entitled
            ? RuleResult.Pass
            : RuleResult.Fail(
                $"赞成票{t.AllYes}张（含书面{t.WrittenYes}张），未超过应到会有表决权党员{t.Entitled}人的半数",
                $"{t.AllYes} yes votes ({t.WrittenYes} written) are not more than half of the {t.Entitled} entitled to vote");
    }
}
