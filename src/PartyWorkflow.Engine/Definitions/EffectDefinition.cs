using System.Text.Json.Nodes;

namespace PartyWorkflow.Engine.Definitions;

/// <summary>
/// Something an accepted action changes outside the instance (registering its subject, a person's
/// membership…), named by id with its parameters. The engine only returns effects; one handler per
/// id applies each of them in the action's transaction.
/// </summary>
public sealed record EffectDefinition
{
    public required string Id { get; init; }
    public JsonObject Parameters { get; init; } = [];
}
