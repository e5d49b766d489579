namespace PartyWorkflow.Engine.Rules;

/// <summary>More than half of the members entitled to vote are present.</summary>
public sealed class MeetingQuorum : IRule
{
    public string Id => "meeting-quorum";

    public RuleContract Contract { get; } = new()
    {
        Facts = [RuleFact.Named("entitled"), RuleFact.Named("present"), RuleFact.Named("yes"), RuleFact.Named("no"), RuleFact.Named("abstain"), RuleFact.Named("written", optional: true)],
        Fields = [RuleFact.Named("present")],
    };

    public RuleResult Evaluate(RuleContext context)
    {
        var t = MeetingTally.From(context.Facts);
        return 2 * t.Present > t.Entitled
            ? RuleResult.Pass
            : RuleResult.Fail(
                $"到会有表决权的党员{t.Present}人，未超过应到会{t.Entitled}人的半数",
                $"{t.Present} present is not more than half of the {t.Entitled} entitled to vote");
    }
}
