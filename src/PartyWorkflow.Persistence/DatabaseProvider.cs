using Microsoft.EntityFrameworkCore;

namespace PartyWorkflow.Persistence;

/// <summary>
/// Chooses the provider from the connection string: a PostgreSQL one names a host, anything else is
/// a SQLite file (the zero-setup default). Each provider has its own migrations assembly.
/// </summary>
public static class DatabaseProvider
{
    public static bool IsPostgres(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
        || connectionString.Contains("Server=", StringComparison.OrdinalIgnoreCase);

    public static void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        if (IsPostgres(connectionString))
            options.UseNpgsql(ForTheHotPath(connectionString), o => o.MigrationsAssembly("PartyWorkflow.Migrations.Postgres"));
        else
            options.UseSqlite(connectionString, o => o.MigrationsAssembly("PartyWorkflow.Migrations.Sqlite"));
    }

    /// <summary>
    /// Two settings the hot path needs (ADR 0006); a connection string that sets either is kept as it says.
    /// Npgsql resets a pooled connection with DISCARD ALL, a statement and a transaction of its own
    /// each time: the server never changes session state (no SET, no temporary tables, no LISTEN), so
    /// there is nothing to reset. Automatic preparation: a statement run a few times on a connection is
    /// prepared, so PostgreSQL parses and plans it once rather than on every action.
    /// </summary>
    public static string ForTheHotPath(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase)) builder.NoResetOnClose = true;
        if (!connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase)) builder.MaxAutoPrepare = 64;
        return builder.ConnectionString;
    }

    /// <summary>Applies pending migrations; a SQLite file is switched to WAL so readers never wait for the single writer.</summary>
    public static async Task MigrateAsync(PartyWorkflowDbContext db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
