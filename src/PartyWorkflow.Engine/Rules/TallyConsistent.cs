namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// The counts add up: none negative; yes + no + abstain ≤ present; written yes + no + abstain =
/// written voters; present + written voters ≤ entitled.
/// </summary>
public sealed class TallyConsistent : IRule
{
    public string Id => "tally-consistent";

    public RuleContract Contract { get; } = new()
    {
        Facts = [RuleFact.Named("entitled"), RuleFact.Named("present"), RuleFact.Named("yes"), RuleFact.Named("no"), RuleFact.Named("abstain"), RuleFact.Named("written", optional: true)],
        Fields = [RuleFact.Named("present"), RuleFact.Named("yes"), RuleFact.Named("no"), RuleFact.Named("abstain")],
    };

    public RuleResult Evaluate(RuleContext context)
    {
        var t = MeetingTally.From(context.Facts);
        int[] counts = [t.Entitled, t.Present, t.Yes, t.No, t.Abstain, t.WrittenYes, t.WrittenNo, t.WrittenAbstain, t.WrittenVoters ?? 0];
        if (counts.Any(c => c < 0))
            return RuleResult.Fail("票数和人数不能为负数", "counts cannot be negative");
        if (t.Yes + t.No + t.Abstain > t.Present)
            return RuleResult.Fail(
                $"赞成{t.Yes}、反对{t.No}、弃权{t.Abstain}之和超过到会人数{t.Present}",
                $"yes {t.Yes} + no {t.No} + abstain {t.Abstain} exceeds the {t.Present} present");
        var writtenVoters = t.WrittenVoters ?? t.WrittenTotal;
        if (t.WrittenTotal != writtenVoters)
            return RuleResult.Fail(
                $"书面表决票数{t.WrittenTotal}与书面表决人数{writtenVoters}不符",
                $"{t.WrittenTotal} written votes do not match {writtenVoters} written voters");
        if (t.Present + writtenVoters > t.Entitled)
            return RuleResult.Fail(
                $"到会{t.Present}人与书面表决{writtenVoters}人之和超过有表决权的{t.Entitled}人",
                $"{t.Present} present plus {writtenVoters} written voters exceeds the {t.Entitled} entitled to vote");
        return RuleResult.Pass;
    }
}
