using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Common;

/// <summary>
/// Idempotency keys, scoped to a route and instance. Only successful responses are kept; they are
/// written in the same transaction as the action, so a key is never remembered for a lost write.
/// </summary>
public sealed class IdempotencyStore(PartyWorkflowDbContext db, Clock clock)
{
    public static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The earlier response for this key, if there is one.</summary>
    public async Task<(bool Found, T? Response)> FindAsync<T>(string scope, string? key, string requestHash, CancellationToken ct)
    {
        if (key is null) return (false, default);
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200)
            throw InvalidInputException.For("Idempotency-Key", "must be 1 to 200 characters");
        var record = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, ct);
        if (record is null) return (false, default);
        if (record.RequestHash != requestHash)
            throw RuleRefusalException.For("idempotency-key-reused",
                "该幂等键已用于另一个不同的请求", "this Idempotency-Key was already used with a different request body");
        return (true, JsonSerializer.Deserialize<T>(record.ResponseJson, JsonDefaults.Options));
    }

    public void Remember<T>(string scope, string? key, string requestHash, T response)
    {
        if (key is null) return;
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            Scope = scope,
            Key = key,
            RequestHash = requestHash,
            ResponseJson = JsonSerializer.Serialize(response, JsonDefaults.Options),
            CreatedAt = clock.Now,
        });
    }
}
