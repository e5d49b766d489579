using System.Text.Json;
using System.Text.Json.Serialization;
using PartyWorkflow.Application.Common;

namespace PartyWorkflow.Server.Http;

/// <summary>
/// Every string bound from a request body: control characters (U+0000 and the like, but not tab or
/// line breaks) are refused, as PostgreSQL cannot store U+0000 in text and nobody means to type them.
/// </summary>
public sealed class TextWithoutControlCharacters : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is not null && TextChecks.HasControlCharacter(text) ? throw new JsonException(TextChecks.ControlCharacterMessage) : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
