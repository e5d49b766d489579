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

    /// <summary>
    /// Applies pending migrations and returns their names; after any, chains the history written
    /// before the chain existed (only an older version writes such rows, so a start with nothing to
    /// migrate looks for none). A SQLite file is switched to WAL so readers never wait for the single writer.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(PartyWorkflowDbContext db, CancellationToken ct = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        if (pending.Count > 0) await Audit.HistoryChainBackfill.RunAsync(db, ct);
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        return pending;
    }

    /// <summary>The tables that only grow: the application's role may insert and read, never update or delete.</summary>
    public static readonly string[] AppendOnlyTables = ["history", "audit_events"];

    /// <summary>
    /// PostgreSQL: grants <paramref name="appRole"/> (the role the application connects as, when the
    /// migrations run as the tables' owner) what it needs and nothing more: it may not update or delete
    /// history and audit rows. Run after every migration, so that new tables are covered.
    /// </summary>
    public static async Task GrantAsync(PartyWorkflowDbContext db, string appRole, CancellationToken ct)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(appRole, "^[A-Za-z_][A-Za-z0-9_]{0,62}$"))
            throw new ArgumentException($"'{appRole}' is not a plain PostgreSQL role name", nameof(appRole));
        var role = $"\"{appRole}\"";
        // The role name is checked above.
        var sql = $"""
            GRANT USAGE ON SCHEMA public TO {role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
            GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {role};
            REVOKE UPDATE, DELETE, TRUNCATE ON {string.Join(", ", AppendOnlyTables)} FROM {role};
            """;
        await db.Database.ExecuteSqlRawAsync(sql, ct);
    }

    /// <summary>The user name a PostgreSQL connection string connects as.</summary>
    public static string? UserOf(string connectionString) =>
        IsPostgres(connectionString) ? new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Username : null;
}
