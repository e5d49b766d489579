using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Engine.Tests.Support;

public static class DecisionEffects
{
    /// <summary>The membership a decision's <c>set-membership</c> effect gives, if it has one.</summary>
    public static string? Membership(this Accepted accepted) =>
        accepted.Effects.FirstOrDefault(e => e.Id == "set-membership")?.Parameters["membership"]?.GetValue<string>();
}
