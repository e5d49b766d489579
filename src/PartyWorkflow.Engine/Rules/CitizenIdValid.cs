using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Rules;

/// <summary>18 characters, GB 11643 check character (<c>x</c> accepted as <c>X</c>), a real birth date.</summary>
public sealed class CitizenIdValid : IRule
{
    public string Id => "citizen-id-valid";

    public RuleContract Contract { get; } = new()
    {
        Facts = [RuleFact.Named("person")],
        Fields = [RuleFact.Named("person.citizenId")],
    };

    public RuleResult Evaluate(RuleContext context)
    {
        var problem = CitizenId.Problem(FactReader.Text(context.Facts["person"] as System.Text.Json.Nodes.JsonObject, "citizenId"), out _);
        return problem is { } p ? RuleResult.Fail(p.Zh, p.En) : RuleResult.Pass;
    }
}
