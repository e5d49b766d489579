namespace PartyWorkflow.Engine.Rules;

/// <summary>The person has no open process and is not already a member.</summary>
public sealed class NoOpenApplication : IRule
{
    public string Id => "no-open-application";

    public RuleContract Contract { get; } = new()
    {
        Fields = [RuleFact.Named("person.citizenId")],
    };

    public RuleResult Evaluate(RuleContext context) => context.Registry.Subject switch
    {
        { HasOpenProcess: true } => RuleResult.Fail("该同志已有正在办理的入党申请", "this person already has an open application"),
        { Membership: "full" } => RuleResult.Fail("该同志已是正式党员", "this person is already a full member"),
        { Membership: "probationary" } => RuleResult.Fail("该同志已是预备党员", "this person is already a probationary member"),
        _ => RuleResult.Pass,
    };
}
