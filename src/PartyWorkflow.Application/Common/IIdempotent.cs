namespace PartyWorkflow.Application.Common;

/// <summary>A command that honours an <c>Idempotency-Key</c>: its key and the route (and instance) the key belongs to.</summary>
public interface IIdempotent
{
    string? IdempotencyKey { get; }
    string IdempotencyScope { get; }

    /// <summary>
    /// Whether the handler reads the key's record itself, in the one read of its hot path
    /// (<see cref="IdempotencyStore.AddTo"/>), instead of the behaviour reading it first.
    /// </summary>
    bool HandlerReadsIdempotencyRecord => false;
}
