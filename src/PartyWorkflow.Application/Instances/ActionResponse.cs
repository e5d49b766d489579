using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Application.Instances;

/// <summary>The answer to an action: the new state, the outcome and any warnings.</summary>
public sealed record ActionResponse
{
    public required Guid InstanceId { get; init; }
    public required int Version { get; init; }
    public required string ActionId { get; init; }
    public required string Outcome { get; init; }
    public required string State { get; init; }
    public string? Stage { get; init; }
    public bool IsOpen { get; init; }
    /// <summary>The organization the instance is filed under (after a transfer, the new branch).</summary>
    public required Guid OrganizationId { get; init; }
    /// <summary>The deciding rule that was not met, when a meeting did not pass.</summary>
    public RuleMessageView? DecidedBy { get; init; }
    public IReadOnlyList<RuleMessageView> Warnings { get; init; } = [];
    public IReadOnlyDictionary<string, DateOnly> ComputedDates { get; init; } = new Dictionary<string, DateOnly>();
}

/// <summary>A rule's message; <see cref="Fields"/> names the fact fields it concerns, so a form can show it beside them.</summary>
public sealed record RuleMessageView(string RuleId, LocalizedMessage Message, DateOnly? EarliestDate = null, IReadOnlyList<string>? Fields = null)
{
    public static RuleMessageView From(RuleMessage m) => new(m.RuleId, new LocalizedMessage(m.Message.Zh, m.Message.En), m.EarliestDate, m.Fields ?? []);
}

public sealed record LocalizedMessage(string Zh, string En);
