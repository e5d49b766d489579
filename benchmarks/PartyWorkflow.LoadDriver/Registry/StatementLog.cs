using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace PartyWorkflow.LoadDriver.Registry;

/// <summary>A statement the server ran, as PostgreSQL logged it: its own execution time, and the SQL collapsed to one line.</summary>
public sealed record LoggedStatement(double Ms, string Sql);

/// <summary>
/// Where a request's time goes inside PostgreSQL: every statement is logged with its duration
/// (<c>log_min_duration_statement = 0</c>, set by <c>ALTER SYSTEM</c> and a reload, so that the
/// server's pooled connections take it too) around one request, and read back from the cluster's log.
/// Only the executions are kept (the extended protocol logs parse and bind apart, in fractions of a
/// millisecond), and the driver's own statements are left out.
/// </summary>
public static partial class StatementLog
{
    public static async Task<List<LoggedStatement>> AroundAsync(Postgres cluster, NpgsqlDataSource database, Func<Task> request, CancellationToken ct)
    {
        await SetAsync(database, "ALTER SYSTEM SET log_min_duration_statement = 0", ct);
        var offset = new FileInfo(cluster.LogFile).Length;
        try
        {
            await request();
        }
        finally
        {
            await SetAsync(database, "ALTER SYSTEM RESET log_min_duration_statement", CancellationToken.None);
        }
        return Parse(await ReadFromAsync(cluster.LogFile, offset, ct));
    }

    private static async Task SetAsync(NpgsqlDataSource database, string sql, CancellationToken ct)
    {
        await using (var set = database.CreateCommand(sql)) await set.ExecuteNonQueryAsync(ct);
        await using var reload = database.CreateCommand("SELECT pg_reload_conf()");
        await reload.ExecuteScalarAsync(ct);
        // The postmaster signals the backends, which reread the file before their next statement; a moment for them all.
        await Task.Delay(200, ct);
    }

    private static async Task<string> ReadFromAsync(string path, long offset, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        file.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(file, Encoding.UTF8);
        return await reader.ReadToEndAsync(ct);
    }

    /// <summary>Entries start with the log line prefix's timestamp; a statement's further lines do not.</summary>
    public static List<LoggedStatement> Parse(string log)
    {
        var statements = new List<LoggedStatement>();
        foreach (Match entry in Entry().Matches(log))
        {
            var sql = Whitespace().Replace(entry.Groups["sql"].Value, " ").Trim();
            // The driver's own, and Npgsql's reset of a pooled connection as it is taken again.
            if (sql.Contains("pg_reload_conf", StringComparison.Ordinal) || sql.StartsWith("ALTER SYSTEM", StringComparison.Ordinal) || sql == "DISCARD ALL") continue;
            statements.Add(new LoggedStatement(double.Parse(entry.Groups["ms"].Value, CultureInfo.InvariantCulture), sql));
        }
        return statements;
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\d [^\n]*?LOG:  duration: (?<ms>[0-9.]+) ms  (?:execute [^:]*|statement): (?<sql>.*?)(?=^\d{4}-\d\d-\d\d |\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Entry();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
