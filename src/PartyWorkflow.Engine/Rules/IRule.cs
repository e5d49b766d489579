using System.Text.Json.Nodes;

namespace PartyWorkflow.Engine.Rules;

/// <summary>
/// One rule of the domain spec, named by its id. Parameters come from the definition; severity is
/// the definition's choice too, so a rule only says whether it is met, and why not.
/// </summary>
public interface IRule
{
    string Id { get; }

    RuleResult Evaluate(RuleContext context);

    /// <summary>
    /// The rule judged on stored facts and dates alone, before the action is taken; null when it
    /// depends on the action's own facts. Used to show what a next action still fails, and from when it can pass.
    /// </summary>
    RuleResult? Preview(RuleContext context) => null;

    /// <summary>Its parameters, the facts it reads and the fields its refusals concern.</summary>
    RuleContract Contract => RuleContract.None;

    /// <summary>
    /// Problems with the parameters a definition gives this rule beyond what the contract says
    /// (unknown keys, types and bounds are checked from the contract).
    /// </summary>
    IEnumerable<string> CheckParameters(JsonObject parameters) => [];
}
