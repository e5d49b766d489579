using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyWorkflow.Application.Common;

/// <summary>The API's JSON: camelCase, enums as strings; also used to store and replay idempotent responses.</summary>
public static class JsonDefaults
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        return options;
    }
}
