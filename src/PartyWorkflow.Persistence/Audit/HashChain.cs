using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Persistence.Audit;

/// <summary>
/// The hash chains of history and audit rows: each row's hash is SHA-256 of the previous row's hash and
/// the row's own content, so that changing a row, removing one or swapping two breaks every hash from
/// there on. Times are kept and hashed to the millisecond: PostgreSQL keeps
/// microseconds, SQLite (as EF stores a DateTimeOffset there) a tenth of a millisecond.
/// </summary>
public static class HashChain
{
    public static string Of(HistoryEntry h, string previous) => Hash(previous,
    [
        h.InstanceId.ToString(), h.Sequence.ToString(CultureInfo.InvariantCulture), Time(h.RecordedAt), h.ActorId.ToString(), h.ActorRole,
        h.ActionId, h.FromState, h.ToState, h.Outcome, h.ActionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        h.OrganizationId.ToString(), h.DefinitionVersion.ToString(CultureInfo.InvariantCulture), h.FactsJson, h.WarningsJson,
        h.UserId?.ToString(), h.Address,
    ]);

    public static string Of(AuditEvent e, string previous) => Hash(previous,
    [
        e.Stream, e.Sequence.ToString(CultureInfo.InvariantCulture), Time(e.At), e.UserId?.ToString(), e.UserName, e.Address,
        e.Kind, e.Target, e.Outcome,
    ]);

    /// <summary>A chained row's time, as both providers keep it exactly: to the millisecond, in UTC. Rows are written with it.</summary>
    public static DateTimeOffset Stored(DateTimeOffset time) => new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    private static string Time(DateTimeOffset time) => Stored(time).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    // The fields as a JSON array: unambiguous whatever a field contains (no separator can be forged).
    private static string Hash(string previous, string?[] fields) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previous + "\n" + JsonSerializer.Serialize(fields))));
}
