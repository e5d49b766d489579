using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Api.Tests.Infrastructure;

/// <summary>
/// Builds a database as an earlier migration left it, filled with rows written by today's code: each
/// table is copied column by column, renamed columns mapped back to their old names, new ones left out.
/// </summary>
public static class TableCopy
{
    public static PartyWorkflowDbContext Open(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PartyWorkflowDbContext>();
        DatabaseProvider.Configure(options, connectionString);
        return new PartyWorkflowDbContext(options.Options);
    }

    public static async Task MigrateToAsync(string connectionString, string migration)
    {
        await using var db = Open(connectionString);
        await db.GetService<IMigrator>().MigrateAsync(migration);
    }

    /// <summary>
    /// Copies <paramref name="table"/>; <paramref name="oldNames"/> maps a column's name today to its name then,
    /// and <paramref name="asThen"/> turns a value of today's column into what was stored then (a sealed value into plain text).
    /// </summary>
    public static async Task CopyAsync(string from, string to, string table, IReadOnlyDictionary<string, string> oldNames,
        Func<string, object, DbDataReader, object>? asThen = null)
    {
        await using var source = Open(from);
        await using var target = Open(to);
        var sourceConnection = source.Database.GetDbConnection();
        var targetConnection = target.Database.GetDbConnection();
        await sourceConnection.OpenAsync();
        await targetConnection.OpenAsync();
        var targetColumns = await ColumnsAsync(targetConnection, table);

        await using var read = sourceConnection.CreateCommand();
        read.CommandText = $"SELECT * FROM {table}";
        await using var reader = await read.ExecuteReaderAsync();
        var columns = Enumerable.Range(0, reader.FieldCount)
            .Select(i => (Index: i, Name: oldNames.GetValueOrDefault(reader.GetName(i), reader.GetName(i))))
            .Where(c => targetColumns.Contains(c.Name)).ToList();
        while (await reader.ReadAsync())
        {
            await using var insert = targetConnection.CreateCommand();
            insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
                                 $"VALUES ({string.Join(", ", columns.Select(c => $"@p{c.Index}"))})";
            foreach (var (index, _) in columns)
            {
                var parameter = insert.CreateParameter();
                parameter.ParameterName = $"@p{index}";
                parameter.Value = asThen is null || reader.IsDBNull(index) ? reader.GetValue(index) : asThen(reader.GetName(index), reader.GetValue(index), reader);
                insert.Parameters.Add(parameter);
            }
            await insert.ExecuteNonQueryAsync();
        }
    }

    private static async Task<HashSet<string>> ColumnsAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} WHERE 1 = 0";
        await using var reader = await command.ExecuteReaderAsync();
        return Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToHashSet();
    }
}
