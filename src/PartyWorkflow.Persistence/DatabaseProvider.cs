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
            options.UseNpgsql(connectionString, o => o.MigrationsAssembly("PartyWorkflow.Migrations.Postgres"));
        else
            options.UseSqlite(connectionString, o => o.MigrationsAssembly("PartyWorkflow.Migrations.Sqlite"));
    }
}
