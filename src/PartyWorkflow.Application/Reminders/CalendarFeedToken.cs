using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace PartyWorkflow.Application.Reminders;

/// <summary>
/// The secret in a calendar feed's URL. Calendar apps cannot send credentials, so the URL itself is
/// the credential: 256 random bits, and only its SHA-256 is stored, so a copy of the database does
/// not give anyone the feeds.
/// </summary>
public static class CalendarFeedToken
{
    /// <summary>32 random bytes as base64url without padding (43 characters, safe in a path).</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Lower-case hex SHA-256 of the token: what <c>CalendarFeed.TokenHash</c> holds.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string Path(string token) => $"/api/calendar-feeds/{token}.ics";
}
