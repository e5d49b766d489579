using System.Text.Json;
using System.Text.Json.Nodes;
using PartyWorkflow.Application.Common;

namespace PartyWorkflow.Application.Instances;

/// <summary>
/// The body of an action: the step's facts. Who acts is the signed-in user (<see cref="Access.Actor"/>),
/// never a field of the body. The raw text is kept to recognize a replayed request.
/// </summary>
public sealed record ActionBody(JsonObject Facts, string Raw)
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

        // The actor was once a field: a client still sending it is told, not silently ignored.
        var errors = new[] { "actorId", "actorRole" }.Where(facts.ContainsKey)
            .ToDictionary(f => f, _ => new[] { "is not accepted: the signed-in user is the actor / 办理人为当前登录用户，不再随请求提交" });
        if (errors.Count > 0) throw new InvalidInputException(errors);
        return new ActionBody(facts, raw);
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
