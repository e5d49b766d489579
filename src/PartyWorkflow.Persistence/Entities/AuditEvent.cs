namespace PartyWorkflow.Persistence.Entities;

/// <summary>
/// One audited event: a sign-in (failed ones too), a change of users and roles, an export, an import, a
/// calendar feed created, a refused action. Append-only: the application's database role may not
/// update or delete these rows. Rows are chained per day (<see cref="Stream"/>), the chain's head in
/// <see cref="AuditHead"/>. Personal data never goes here: people appear by id, requests by path.
/// </summary>
public sealed class AuditEvent
{
    public Guid Id { get; set; }
    /// <summary>The chain the row belongs to: the day it was recorded on (UTC), <c>2026-12-04</c>.</summary>
    public required string Stream { get; set; }
    /// <summary>1, 2, 3… within the stream; unique with it.</summary>
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? UserId { get; set; }
    /// <summary>The signed-in user's name, or the name a failed sign-in gave.</summary>
    public string? UserName { get; set; }
    public string? Address { get; set; }
    /// <summary><c>sign-in</c>, <c>user-admin</c>, <c>export</c>, <c>import</c>, <c>calendar-feed</c>, <c>action</c>, <c>registry-change</c>.</summary>
    public required string Kind { get; set; }
    /// <summary>What was acted on: the request's method and path (never its query, which may hold a name).</summary>
    public required string Target { get; set; }
    /// <summary>The answer's status, and the rule ids of a refusal: <c>200</c>, <c>403 actor-not-permitted</c>.</summary>
    public required string Outcome { get; set; }
    public string Hash { get; set; } = "";
}

/// <summary>The head of one audit stream: how many rows it holds and the newest one's hash, so that removing the newest rows is detected.</summary>
public sealed class AuditHead
{
    public required string Stream { get; set; }
    public long Sequence { get; set; }
    /// <summary>The hash the stream started from (the previous stream's head), linking the days.</summary>
    public string StartHash { get; set; } = "";
    public string Hash { get; set; } = "";
}
