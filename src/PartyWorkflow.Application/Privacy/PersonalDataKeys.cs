using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Privacy;

/// <summary>
/// The keys that protect personal data: AES-256 keys by id (the current one seals, every one opens,
/// so that keys can be rotated) and the key of the keyed hash that finds a citizen ID without
/// decrypting. From <c>PartyWorkflow:PersonalData</c>:
/// <c>CurrentKey</c>, <c>Keys:{id}</c> (base64, 32 bytes) and <c>HashKey</c> (base64, 32 bytes).
/// The embedded default, with nothing configured, makes a key file beside its database once; a
/// PostgreSQL database, shared by several servers, needs the keys configured.
/// </summary>
public sealed record PersonalDataKeys(string CurrentKey, IReadOnlyDictionary<string, byte[]> Keys, byte[] HashKey)
{
    public const string Section = "PartyWorkflow:PersonalData";
    public const string KeyFileName = "personal-data-keys.json";

    public static PersonalDataKeys From(IConfiguration configuration, string connectionString)
    {
        var section = configuration.GetSection(Section);
        var keys = section.GetSection("Keys").GetChildren().ToDictionary(k => k.Key, k => Key(k.Value, $"{Section}:Keys:{k.Key}"));
        if (keys.Count > 0 || section["HashKey"] is not null)
        {
            var current = section["CurrentKey"] ?? (keys.Count == 1 ? keys.Keys.Single() : throw Problem("CurrentKey names none of the keys"));
            if (!keys.ContainsKey(current)) throw Problem($"CurrentKey '{current}' is not one of Keys");
            if (keys.Keys.FirstOrDefault(id => !IsKeyId(id)) is { } bad) throw Problem($"key id '{bad}' must be 1–20 letters, digits or '-'");
            return new PersonalDataKeys(current, keys, Key(section["HashKey"], $"{Section}:HashKey"));
        }
        if (DatabaseProvider.IsPostgres(connectionString))
            throw Problem("PostgreSQL needs the keys configured (CurrentKey, Keys:{id}, HashKey), the same on every server; see docs/security.md");
        return FromFile(section["KeyFile"] is { } file ? RepositoryPaths.Resolve(file) : BesideTheDatabase(connectionString));
    }

    private static string BesideTheDatabase(string connectionString)
    {
        var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = source is "" or ":memory:" ? RepositoryPaths.Resolve(".data") : Path.GetDirectoryName(Path.GetFullPath(source))!;
        return Path.Combine(folder, KeyFileName);
    }

    public static bool IsKeyId(string id) => id.Length is > 0 and <= 20 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>A key file of the embedded default, made once with fresh random keys and readable by its owner only.</summary>
    private static PersonalDataKeys FromFile(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var made = new KeyFile("k1", new Dictionary<string, string> { ["k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
                Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            // A name of its own, readable by its owner only from the moment it exists.
            var temporary = $"{path}.{Guid.NewGuid():N}.new";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var writer = new StreamWriter(temporary, System.Text.Encoding.UTF8, options)) writer.Write(JsonSerializer.Serialize(made));
            // Two processes starting at once: the first file to land is the one both use.
            try { File.Move(temporary, path, overwrite: false); }
            catch (IOException) when (File.Exists(path)) { File.Delete(temporary); }
        }
        var file = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path)) ?? throw Problem($"{path} is empty");
        return new PersonalDataKeys(file.CurrentKey, file.Keys.ToDictionary(k => k.Key, k => Key(k.Value, path)), Key(file.HashKey, path));
    }

    private sealed record KeyFile(string CurrentKey, Dictionary<string, string> Keys, string HashKey);

    private static byte[] Key(string? base64, string where)
    {
        try
        {
            var key = Convert.FromBase64String(base64 ?? "");
            return key.Length == 32 ? key : throw Problem($"{where} must be 32 bytes in base64");
        }
        catch (FormatException)
        {
            throw Problem($"{where} is not base64");
        }
    }

    private static InvalidOperationException Problem(string message) => new($"{Section}: {message}");
}
