using System.Text.Json;
using Npgsql;

namespace PartyWorkflow.LoadDriver.Registry;

/// <summary>The counts of one county and one type on a date: what both ways of counting must agree on.</summary>
public sealed record CoverageLine(string County, string Type, int Units, int Covered, int Standalone, int WorkCovered);

/// <summary>
/// The coverage counts two ways: the report's <c>lines</c> as the server answers them, and one
/// hand-written query, the yardstick for what PostgreSQL needs to count the same. The query follows
/// the report's definitions (the server's <c>CoverageFigures.Definitions</c>): in operation = founded
/// on or before the date (or no date) and not closed on or before it; covered = a standalone, joint
/// or affiliated coverage that has begun and not ended; work-covered = covered, or an assignment
/// that has begun and not ended. Each is aggregated once per unit and joined, where the server's
/// LINQ asks three correlated EXISTS per unit.
/// </summary>
public static class CoverageCounting
{
    private const string Sql = """
        WITH covering AS (
            SELECT "UnitId", bool_or("Mode" = 'standalone') AS standalone
            FROM unit_coverage
            WHERE "From" <= @asOf AND ("To" IS NULL OR "To" > @asOf) AND "Mode" IN ('standalone', 'joint', 'affiliated')
            GROUP BY "UnitId"
        ), assigned AS (
            SELECT DISTINCT "UnitId"
            FROM unit_assignments
            WHERE "From" <= @asOf AND ("To" IS NULL OR "To" > @asOf)
        )
        SELECT u."CountyCode", u."Type",
               count(*)::int,
               count(c."UnitId")::int,
               (count(*) FILTER (WHERE c.standalone))::int,
               (count(*) FILTER (WHERE c."UnitId" IS NOT NULL OR a."UnitId" IS NOT NULL))::int
        FROM units u
        LEFT JOIN covering c ON c."UnitId" = u."Id"
        LEFT JOIN assigned a ON a."UnitId" = u."Id"
        WHERE (u."FoundedOn" IS NULL OR u."FoundedOn" <= @asOf) AND (u."ClosedOn" IS NULL OR u."ClosedOn" > @asOf)
        GROUP BY u."CountyCode", u."Type"
        """;

    public static async Task<List<CoverageLine>> QueryAsync(NpgsqlDataSource database, DateOnly asOf, CancellationToken ct)
    {
        await using var command = database.CreateCommand(Sql);
        command.Parameters.AddWithValue("asOf", asOf);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var lines = new List<CoverageLine>();
        while (await reader.ReadAsync(ct))
            lines.Add(new CoverageLine(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5)));
        return Sorted(lines);
    }

    /// <summary>The <c>lines</c> of <c>GET /api/reports/coverage</c>'s answer.</summary>
    public static List<CoverageLine> FromReport(byte[] json)
    {
        using var report = JsonDocument.Parse(json);
        return Sorted(report.RootElement.GetProperty("lines").EnumerateArray().Select(line => new CoverageLine(
            line.GetProperty("countyCode").GetString()!, line.GetProperty("type").GetString()!, line.GetProperty("units").GetInt32(),
            line.GetProperty("covered").GetInt32(), line.GetProperty("standalone").GetInt32(), line.GetProperty("workCovered").GetInt32())).ToList());
    }

    public static bool Same(IReadOnlyList<CoverageLine> a, IReadOnlyList<CoverageLine> b) => a.SequenceEqual(b);

    private static List<CoverageLine> Sorted(IEnumerable<CoverageLine> lines) =>
        lines.OrderBy(l => l.County, StringComparer.Ordinal).ThenBy(l => l.Type, StringComparer.Ordinal).ToList();
}
