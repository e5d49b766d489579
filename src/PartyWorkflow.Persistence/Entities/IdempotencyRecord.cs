namespace PartyWorkflow.Persistence.Entities;

/// <summary>A successful response, kept so that a retried request with the same key gets it again.</summary>
public sealed class IdempotencyRecord
{
    /// <summary>The route and instance the key belongs to.</summary>
    public required string Scope { get; set; }
    public required string Key { get; set; }
    public required string RequestHash { get; set; }
    public required string ResponseJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
