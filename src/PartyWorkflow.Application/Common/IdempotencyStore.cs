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
    private (string Scope, string Key, string Hash)? deferred;

    /// <summary>Whether the handler answered with the earlier response (nothing is to be remembered then).</summary>
    public bool Replayed { get; private set; }

    public static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static void CheckKey(string key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200)
            throw InvalidInputException.For("Idempotency-Key", "must be 1 to 200 characters");
    }

    /// <summary>The earlier response for this key, if there is one.</summary>
    public async Task<(bool Found, T? Response)> FindAsync<T>(string scope, string? key, string requestHash, CancellationToken ct)
    {
        if (key is null) return (false, default);
        var record = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, ct);
        return record is null ? (false, default) : (true, Earlier<T>(record, requestHash));
    }

    /// <summary>For a handler that reads the record in its own batch: the behaviour leaves the lookup to it.</summary>
    public void Defer(string scope, string key, string requestHash) => deferred = (scope, key, requestHash);

    /// <summary>Adds the deferred key's record, if any, to the handler's one read.</summary>
    public ReadBatch.Rows<IdempotencyRecord>? AddTo(ReadBatch batch) => deferred is { } d
        ? batch.Where<IdempotencyRecord>($"{batch.Column<IdempotencyRecord>(nameof(IdempotencyRecord.Scope))} = {batch.Parameter(d.Scope)} "
                                         + $"AND {batch.Column<IdempotencyRecord>(nameof(IdempotencyRecord.Key))} = {batch.Parameter(d.Key)}")
        : null;

    /// <summary>The earlier response when the batch found the key's record; a different request with the same key is refused.</summary>
    public bool TryReplay<T>(ReadBatch.Rows<IdempotencyRecord>? found, out T response)
    {
        response = default!;
        if (deferred is not { } d || found?.Items is not [var record]) return false;
        response = Earlier<T>(record, d.Hash);
        Replayed = true;
        return true;
    }

    private static T Earlier<T>(IdempotencyRecord record, string requestHash)
    {
        if (record.RequestHash != requestHash)
            throw RuleRefusalException.For("idempotency-key-reused",
                "该幂等键已用于另一个不同的请求", "this Idempotency-Key was already used with a different request body");
        return JsonSerializer.Deserialize<T>(record.ResponseJson, JsonDefaults.Options)!;
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
