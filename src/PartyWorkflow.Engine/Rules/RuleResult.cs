using PartyWorkflow.Engine.Definitions;

namespace PartyWorkflow.Engine.Rules;

public sealed record RuleResult
{
    public bool Met { get; init; }
    public LocalizedText? Message { get; init; }
    /// <summary>The earliest date on which the rule can be met, where time alone can meet it.</summary>
    public DateOnly? EarliestDate { get; init; }
    /// <summary>Dates a <c>compute</c> rule derives, by name (for example <c>probationEnd</c>).</summary>
    public IReadOnlyDictionary<string, DateOnly> Computed { get; init; } = new Dictionary<string, DateOnly>();

    public static readonly RuleResult Pass = new() { Met = true };

    public static RuleResult Fail(string zh, string en, DateOnly? earliest = null) =>
        new() { Met = false, Message = new LocalizedText(zh, en), EarliestDate = earliest };

    public static RuleResult Computes(IReadOnlyDictionary<string, DateOnly> dates) => new() { Met = true, Computed = dates };
}
