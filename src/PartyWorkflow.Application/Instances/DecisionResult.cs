using PartyWorkflow.Application.Common;
using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Application.Instances;

public static class DecisionResult
{
    /// <summary>The accepted decision, or the problem that tells the client why not.</summary>
    public static Accepted Accept(this Decision decision) => decision switch
    {
        Accepted accepted => accepted,
        Refused refused => throw new RuleRefusalException(refused.UnmetRules),
        InvalidFacts invalid => throw new InvalidInputException(invalid.Errors),
        NotPermitted notPermitted => throw new ConflictException(
            $"'{notPermitted.ActionId}' is not permitted in state '{notPermitted.State}'", notPermitted.State),
        UnknownAction unknown => throw new NotFoundException("action", unknown.ActionId),
        _ => throw new InvalidOperationException($"unexpected decision {decision.GetType().Name}"),
    };
}
