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

    public static async Task<string> CreatePostgresAsync()
    {
        var name = "pw_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(PostgresServer))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;
    }

    public static string CreateSqlite()
    {
        var folder = Directory.CreateTempSubdirectory("pw-sqlite-");
        return $"Data Source={Path.Combine(folder.FullName, "partyworkflow.db")}";
    }
}
