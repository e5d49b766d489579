using Npgsql;

namespace PartyWorkflow.Api.Tests.Infrastructure;

/// <summary>
/// A fresh database per test class: on the PostgreSQL that scripts/test.sh starts (its address comes
/// in PARTYWORKFLOW_TEST_POSTGRES), or a SQLite file in a temporary folder.
/// </summary>
public static class TestDatabases
{
    public const string PostgresVariable = "PARTYWORKFLOW_TEST_POSTGRES";

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run the tests with `bash scripts/test.sh`, which starts a throwaway PostgreSQL and sets it.");

    /// <summary>The role that owns the tables and runs the migrations (scripts/test.sh creates it).</summary>
    public const string OwnerRole = "partyworkflow_owner";

    /// <summary>The role the application connects as: no UPDATE or DELETE on history and audit rows.</summary>
    public const string AppRole = "partyworkflow_app";

    /// <summary>
    /// A new database owned by <see cref="OwnerRole"/>; the connection string returned connects as
    /// <see cref="AppRole"/>, as the application does in production (<see cref="ApiFactory"/> migrates
    /// through <see cref="OwnerOf"/>).
    /// </summary>
    public static async Task<string> CreatePostgresAsync()
    {
        var name = "pw_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(PostgresServer))
        {
            await connection.OpenAsync();
            await EnsureRolesAsync(connection);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name} OWNER {OwnerRole}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, Username = AppRole }.ConnectionString;
    }

    /// <summary>The same database as the owner of its tables (a SQLite file is the same file).</summary>
    public static string OwnerOf(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            ? new NpgsqlConnectionStringBuilder(connectionString) { Username = OwnerRole }.ConnectionString
            : connectionString;

    public static bool ConnectsAsApp(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
        && new NpgsqlConnectionStringBuilder(connectionString).Username == AppRole;

    // scripts/test.sh creates both roles; a PostgreSQL of one's own gets them here (once, whoever comes first).
    private static async Task EnsureRolesAsync(NpgsqlConnection connection)
    {
        foreach (var role in new[] { OwnerRole, AppRole })
        {
            await using var command = new NpgsqlCommand(
                $"DO $$ BEGIN CREATE ROLE {role} LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    public static string CreateSqlite()
    {
        var folder = Directory.CreateTempSubdirectory("pw-sqlite-");
        return $"Data Source={Path.Combine(folder.FullName, "partyworkflow.db")}";
    }
}
