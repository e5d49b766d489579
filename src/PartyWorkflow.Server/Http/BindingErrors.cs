using System.Text.Json;
using System.Text.RegularExpressions;
using PartyWorkflow.Application.Common;

namespace PartyWorkflow.Server.Http;

/// <summary>
/// What a failed binding of a body or query value was about, in the client's own field name and in
/// words of what the field must be: never a C# type name such as <c>Nullable&lt;DateOnly&gt;</c>.
/// </summary>
public static partial class BindingErrors
{
    public static (string Field, string Message) Describe(BadHttpRequestException e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException json)
            {
                var field = json.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
                if (UnmappedProperty().Match(json.Message) is { Success: true } unmapped)
                    return (field.Length > 0 && field != "body" ? field : unmapped.Groups[1].Value, "unknown field");
                if (json.Message.StartsWith(TextChecks.ControlCharacterMessage, StringComparison.Ordinal)) return (field, TextChecks.ControlCharacterMessage);
                switch (json.InnerException)
                {
                    case InvalidOperationException { Message: var text } when text.Contains("UTF-16", StringComparison.Ordinal):
                        return (field, TextChecks.LoneSurrogateMessage);
                    case FormatException { Message: var text } when SupportedFormat().Match(text) is { Success: true } format:
                        return (field, MustBe(format.Groups[1].Value));
                    case FormatException { Message: var text } when text.Contains("Int32", StringComparison.Ordinal):
                        return (field, MustBe("Int32"));
                    case InvalidOperationException { Message: var text } when TokenAs().Match(text) is { Success: true } token:
                        return (field, MustBe(token.Groups[1].Value));
                }
                if (ConvertedTo().Match(json.Message) is { Success: true } converted) return (field, MustBe(converted.Groups[1].Value));
                return (field, $"not valid JSON: {Plain(json.Message)}");
            }
            if (inner is InvalidOperationException { Message: var message } && message.Contains("UTF-16", StringComparison.Ordinal))
                return ("body", TextChecks.LoneSurrogateMessage);
        }
        if (QueryParameter().Match(e.Message) is { Success: true } query) return (query.Groups[2].Value, MustBe(query.Groups[1].Value));
        if (e.Message.Contains("was not provided from body", StringComparison.Ordinal) || e.Message.Contains("no body was provided", StringComparison.Ordinal))
            return ("body", "is required: a JSON object");
        return ("body", Plain(e.Message));
    }

    private static string MustBe(string type) => type switch
    {
        _ when type.Contains("DateOnly") => "must be a date as yyyy-MM-dd",
        _ when type.Contains("Guid") => "must be an id (GUID)",
        _ when type.Contains("Boolean") || type.StartsWith("bool", StringComparison.OrdinalIgnoreCase) => "must be true or false",
        _ when type.Contains("Int32") || type.Contains("Int64") || type.StartsWith("int", StringComparison.Ordinal) || type == "number" => "must be a whole number",
        _ when type.Contains("String") || type.StartsWith("string", StringComparison.OrdinalIgnoreCase) => "must be a string",
        _ => "has the wrong type",
    };

    /// <summary>Drops the reader's position details and any .NET type names from a message.</summary>
    private static string Plain(string message) => TypeName().Replace(message.Split(" Path:")[0].Split(" LineNumber:")[0], "a value").Trim();

    [GeneratedRegex(@"could not be converted to (\S+?)\.? Path")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"not in a supported (\w+) format")]
    private static partial Regex SupportedFormat();

    [GeneratedRegex(@"Cannot get the value of a token type '\w+' as a (\w+)")]
    private static partial Regex TokenAs();

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex(@"Failed to bind parameter ""(\S+) (\w+)""")]
    private static partial Regex QueryParameter();

    [GeneratedRegex(@"System\.[\w.`\[\]]+")]
    private static partial Regex TypeName();
}
