using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Privacy;

/// <summary>
/// Citizen IDs and phone numbers (sensitive personal information under the PIPL) are never stored in
/// plain text. Each is sealed with AES-256-GCM under the current key, bound to its person and field
/// (a sealed value copied to another row does not open), stored with a masked form for lists, and a
/// citizen ID also with a keyed hash (HMAC-SHA256) that finds a person and keeps IDs unique without
/// decrypting anything. Keys are read when first needed (<see cref="PersonalDataKeys"/>).
/// </summary>
public sealed class PersonalData(IConfiguration configuration, string connectionString)
{
    /// <summary>What a sealed value starts with: the format and the id of the key that sealed it.</summary>
    public const string Format = "pd1";

    private readonly Lazy<PersonalDataKeys> keys = new(() => PersonalDataKeys.From(configuration, connectionString));

    /// <summary>Reads the keys now (at start-up), so that missing or malformed keys stop the server with a message rather than failing a request.</summary>
    public void CheckKeys() => _ = keys.Value;

    public string CurrentPrefix => $"{Format}.{keys.Value.CurrentKey}.";

    /// <summary>Keys come from configuration (not the embedded default's key file): values under an older key are sealed again at migration.</summary>
    public bool KeysAreConfigured => configuration.GetSection(PersonalDataKeys.Section).GetSection("Keys").GetChildren().Any();

    public string HashCitizenId(string normalized) => Convert.ToHexStringLower(HMACSHA256.HashData(keys.Value.HashKey, Encoding.UTF8.GetBytes(normalized)));

    public void SetCitizenId(Person person, string normalized)
    {
        person.CitizenIdHash = HashCitizenId(normalized);
        person.CitizenIdSealed = Seal(normalized, person.Id, "citizen-id");
        person.CitizenIdMasked = Mask(normalized, 4, 4);
    }

    public void SetPhone(Person person, string? phone)
    {
        person.PhoneSealed = string.IsNullOrEmpty(phone) ? null : Seal(phone, person.Id, "phone");
        person.PhoneMasked = string.IsNullOrEmpty(phone) ? null : Mask(phone, 3, 4);
    }

    public string CitizenIdOf(Person person) => Open(person.CitizenIdSealed, person.Id, "citizen-id");

    public string? PhoneOf(Person person) => person.PhoneSealed is null ? null : Open(person.PhoneSealed, person.Id, "phone");

    /// <summary>A value as people see it in lists: the first and last few characters.</summary>
    public static string Mask(string value, int head, int tail) =>
        value.Length <= head + tail ? new string('*', value.Length) : value[..head] + new string('*', value.Length - head - tail) + value[^tail..];

    private string Seal(string value, Guid person, string field)
    {
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var plain = Encoding.UTF8.GetBytes(value);
        var sealedBytes = new byte[nonce.Length + plain.Length + AesGcm.TagByteSizes.MaxSize];
        nonce.CopyTo(sealedBytes, 0);
        using var aes = new AesGcm(keys.Value.Keys[keys.Value.CurrentKey], AesGcm.TagByteSizes.MaxSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(nonce.Length, plain.Length), sealedBytes.AsSpan(nonce.Length + plain.Length), Bound(person, field));
        return CurrentPrefix + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>Opens a sealed value; a value written before sealing existed is plain text, and is returned as it is.</summary>
    public string Open(string stored, Guid person, string field)
    {
        var parts = stored.Split('.', 3);
        if (parts is not [Format, var keyId, var body]) return stored;
        var key = keys.Value.Keys.GetValueOrDefault(keyId) ?? throw new InvalidOperationException($"personal data of {person} is sealed with key '{keyId}', which is not configured");
        var bytes = Convert.FromBase64String(body);
        var nonceSize = AesGcm.NonceByteSizes.MaxSize;
        var tagSize = AesGcm.TagByteSizes.MaxSize;
        var plain = new byte[bytes.Length - nonceSize - tagSize];
        using var aes = new AesGcm(key, tagSize);
        aes.Decrypt(bytes.AsSpan(0, nonceSize), bytes.AsSpan(nonceSize, plain.Length), bytes.AsSpan(nonceSize + plain.Length), plain, Bound(person, field));
        return Encoding.UTF8.GetString(plain);
    }

    private static byte[] Bound(Guid person, string field) => Encoding.UTF8.GetBytes($"{field}:{person}");
}
