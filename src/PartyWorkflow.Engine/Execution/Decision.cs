using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Definitions;

namespace PartyWorkflow.Engine.Execution;

/// <summary>A rule's verdict as a refusal, warning or deciding reason names it, with the fact fields it concerns.</summary>
public sealed record RuleMessage(string RuleId, LocalizedText Message, DateOnly? EarliestDate = null, IReadOnlyList<string>? Fields = null);

public sealed record DeadlineOpening(string Kind, DateOnly Due);

/// <summary>What the engine makes of an action.</summary>
public abstract record Decision;

/// <summary>The action is recorded: the new state and everything to write with it.</summary>
public sealed record Accepted : Decision
{
    public required string ActionId { get; init; }
    public required string FromState { get; init; }
    public required string NewState { get; init; }
    public required string Outcome { get; init; }
    public required string ActorRole { get; init; }
    public required DateOnly ActionDate { get; init; }
    /// <summary>The facts to store and to write into history: personal data removed.</summary>
    public required JsonObject RecordedFacts { get; init; }
    public IReadOnlyList<string> Documents { get; init; } = [];
    public IReadOnlyList<DeadlineOpening> OpenDeadlines { get; init; } = [];
    public IReadOnlyList<string> CloseDeadlines { get; init; } = [];
    public IReadOnlyList<RuleMessage> Warnings { get; init; } = [];
    public IReadOnlyDictionary<string, DateOnly> ComputedDates { get; init; } = new Dictionary<string, DateOnly>();
    /// <summary>The deciding rule that was not met, when it sent the instance back (e.g. <c>majority-of-entitled</c>).</summary>
    public RuleMessage? DecidedBy { get; init; }
    /// <summary>The step's and the outcome's effects, in that order, for their handlers to apply.</summary>
    public IReadOnlyList<EffectDefinition> Effects { get; init; } = [];
    /// <summary>The organization the instance is filed under from now on, when the step names one.</summary>
    public Guid? Filing { get; init; }
    public bool EndsInstance { get; init; }
}

/// <summary>The domain refuses the action (422): every unmet rule at once.</summary>
public sealed record Refused(IReadOnlyList<RuleMessage> UnmetRules) : Decision;

/// <summary>The facts are malformed (400), by field.</summary>
public sealed record InvalidFacts(IReadOnlyDictionary<string, string[]> Errors) : Decision;

/// <summary>The action exists but the current state does not permit it (409).</summary>
public sealed record NotPermitted(string State, string ActionId) : Decision;

/// <summary>The workflow has no such action (404).</summary>
public sealed record UnknownAction(string ActionId) : Decision;
