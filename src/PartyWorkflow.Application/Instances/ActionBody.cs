using System.Text.Json;
using System.Text.Json.Nodes;
using PartyWorkflow.Application.Common;

namespace PartyWorkflow.Application.Instances;

/// <summary>
/// The body of an action: the step's facts plus <c>actorId</c> (and optionally <c>actorRole</c>).
/// The raw text is kept to recognize a replayed request.
/// </summary>
public sealed record ActionBody(JsonObject Facts, Guid ActorId, string? ActorRole, string Raw)
{
    public static ActionBody Parse(string raw)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(raw);
        }
        catch (JsonException ex)
        {
            throw InvalidInputException.For("body", $"not valid JSON: {ex.Message}");
        }
        if (node is not JsonObject facts) throw InvalidInputException.For("body", "must be a JSON object");
        try
        {
            // JsonNode parses lazily: a repeated property only shows when the object is first read.
            _ = facts.Count;
        }
        catch (ArgumentException)
        {
            throw InvalidInputException.For("body", "a property appears more than once");
        }

        var errors = new Dictionary<string, string[]>();
        var actorNode = facts["actorId"];
        Guid actorId = default;
        if (actorNode is null) errors["actorId"] = ["is required: the id of the person taking the action"];
        else if (actorNode.GetValueKind() != JsonValueKind.String || !Guid.TryParse(actorNode.GetValue<string>(), out actorId))
            errors["actorId"] = ["must be an id (GUID)"];
        string? role = null;
        if (facts["actorRole"] is { } roleNode)
        {
            if (roleNode.GetValueKind() == JsonValueKind.String) role = roleNode.GetValue<string>();
            else errors["actorRole"] = ["must be a string"];
        }
        if (errors.Count > 0) throw new InvalidInputException(errors);

        facts.Remove("actorId");
        facts.Remove("actorRole");
        return new ActionBody(facts, actorId, role, raw);
    }
}
