using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Application.Common;

/// <summary>
/// The ways a request fails that the API maps to a 4xx answer. Thrown inside the transaction, so
/// nothing of a failed request is written.
/// </summary>
public abstract class ProblemException(string message) : Exception(message);

/// <summary>403: the signed-in user may not do this (no role assignment for it in scope, or their own process); names the rule.</summary>
public sealed class ForbiddenException(RuleMessage rule) : ProblemException(rule.Message.En)
{
    public RuleMessage Rule { get; } = rule;

    public static ForbiddenException For(string ruleId, string zh, string en) => new(new RuleMessage(ruleId, new LocalizedText(zh, en)));
}

/// <summary>404: an unknown instance, definition, action or registry row.</summary>
public sealed class NotFoundException(string what, string id) : ProblemException($"{what} '{id}' was not found")
{
    public string What { get; } = what;
}

/// <summary>409: not permitted in the current state, or another request changed the instance first.</summary>
public sealed class ConflictException(string message, string? state = null) : ProblemException(message)
{
    public string? State { get; } = state;
}

/// <summary>412: <c>If-Match</c> names a version that is no longer current.</summary>
public sealed class PreconditionFailedException(int expected, int current)
    : ProblemException($"If-Match names version {expected}, but the instance is at version {current}")
{
    public int Current { get; } = current;
}

/// <summary>400: malformed input, by field.</summary>
public sealed class InvalidInputException(IReadOnlyDictionary<string, string[]> errors)
    : ProblemException("The request is malformed: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static InvalidInputException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>422: well-formed, but the domain refuses it; every unmet rule at once.</summary>
public sealed class RuleRefusalException(IReadOnlyList<RuleMessage> unmetRules)
    : ProblemException("Refused: " + string.Join(", ", unmetRules.Select(r => r.RuleId)))
{
    public IReadOnlyList<RuleMessage> UnmetRules { get; } = unmetRules;

    public static RuleRefusalException For(string ruleId, string zh, string en) => new([new RuleMessage(ruleId, new LocalizedText(zh, en))]);
}
