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
        // JsonNode parses lazily: a repeated property or a lone surrogate ("\ud800") only shows when
        // it is first read, so everything is read once here, before anything else looks at it.
        ReadAll(facts, "");

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

    private static void ReadAll(JsonNode? node, string path)
    {
        try
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (name, value) in obj) ReadAll(value, path.Length == 0 ? name : $"{path}.{name}");
                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++) ReadAll(array[i], $"{path}[{i}]");
                    break;
                case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                    if (TextChecks.HasControlCharacter(value.GetValue<string>()))
                        throw InvalidInputException.For(path.Length == 0 ? "body" : path, TextChecks.ControlCharacterMessage);
                    break;
            }
        }
        catch (ArgumentException)
        {
            throw InvalidInputException.For(path.Length == 0 ? "body" : path, "a property appears more than once");
        }
        catch (InvalidOperationException)
        {
            throw InvalidInputException.For(path.Length == 0 ? "body" : path, TextChecks.LoneSurrogateMessage);
        }
    }
}
