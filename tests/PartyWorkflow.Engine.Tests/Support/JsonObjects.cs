using System.Text.Json.Nodes;

namespace PartyWorkflow.Engine.Tests.Support;

internal static class JsonObjects
{
    /// <summary>Facts as an API body would carry them, parsed from JSON text.</summary>
    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
