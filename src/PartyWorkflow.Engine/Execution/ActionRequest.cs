using System.Text.Json.Nodes;

namespace PartyWorkflow.Engine.Execution;

/// <summary>An action as the engine receives it: no clock of its own, so today comes in too.</summary>
public sealed record ActionRequest
{
    public required string ActionId { get; init; }
    public required JsonObject Facts { get; init; }
    public required Guid ActorId { get; init; }
    /// <summary>The capacity the actor acts in; when absent, the step's first actor.</summary>
    public string? ActorRole { get; init; }
    public required DateOnly Today { get; init; }
    public RegistrySnapshot Registry { get; init; } = RegistrySnapshot.Empty;
}
