using PartyWorkflow.Application.Common;

namespace PartyWorkflow.Server.Http;

/// <summary>ETag and If-Match carry the instance version as a quoted number: <c>"7"</c>.</summary>
public static class Preconditions
{
    public static string ETag(int version) => $"\"{version}\"";

    /// <summary>The version <c>If-Match</c> names; null when absent or <c>*</c>.</summary>
    public static int? IfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*") return null;
        var value = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        return int.TryParse(value.Trim('"'), out var version)
            ? version
            : throw InvalidInputException.For("If-Match", "must be the ETag of the instance, a quoted version number such as \"3\"");
    }
}
