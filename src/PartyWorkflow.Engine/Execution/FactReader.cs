using System.Globalization;
using System.Text.Json.Nodes;

namespace PartyWorkflow.Engine.Execution;

/// <summary>Typed reads of facts that the fact validator has already checked.</summary>
public static class FactReader
{
    public const string DateFormat = "yyyy-MM-dd";

    public static DateOnly? Date(JsonObject? facts, string field) =>
        facts?[field] is JsonValue v && v.TryGetValue<string>(out var s) && TryParseDate(s, out var d) ? d : null;

    public static int? Integer(JsonObject? facts, string field) =>
        facts?[field] is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;

    public static string? Text(JsonObject? facts, string field) =>
        facts?[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static Guid? Id(JsonObject? facts, string field) =>
        Text(facts, field) is { } s && Guid.TryParse(s, out var g) ? g : null;

    /// <summary>The ids of a list fact, each once; what is not an id is not there.</summary>
    public static List<Guid> Ids(JsonNode? node) => node is JsonArray list
        ? list.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) && Guid.TryParse(s, out var id) ? id : (Guid?)null).OfType<Guid>().Distinct().ToList()
        : [];

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);
}
