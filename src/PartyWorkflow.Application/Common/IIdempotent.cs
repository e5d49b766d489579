namespace PartyWorkflow.Application.Common;

/// <summary>A command that honours an <c>Idempotency-Key</c>: its key and the route (and instance) the key belongs to.</summary>
public interface IIdempotent
{
    string? IdempotencyKey { get; }
    string IdempotencyScope { get; }
}
