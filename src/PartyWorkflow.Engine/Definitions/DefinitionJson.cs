using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyWorkflow.Engine.Definitions;

/// <summary>The serializer settings of the definition format (camelCase, kebab-case enums).</summary>
public static class DefinitionJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };
}
