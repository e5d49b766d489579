using System.Diagnostics;
using Npgsql;

namespace PartyWorkflow.LoadDriver.Registry;

public sealed record SeedResult(int Units, long CoverageRows, long Assignments, TimeSpan Took);

/// <summary>
/// 100,000 units with their coverage and assignments, written straight into the tables the
/// migrations made, in one transaction of <c>INSERT … SELECT</c> over <c>generate_series</c>: through
/// the API it would take an hour, and what is measured is the report over them, not their making.
/// Every unit draws its attributes from md5 of its number (deterministic, and uncorrelated between
/// attributes, unlike <c>i % n</c> for several n), relative to <see cref="AsOf"/>:
/// - type: 60% non-public enterprises, 40% social organizations; counties in turn;
/// - founded: 10% with no date, the rest between 2000 and late 2026, so some after the date;
/// - closed: 8%, some before the date (no longer counted) and some after;
/// - coverage: 45% with a covering row (standalone 50%, joint 30%, affiliated 20%), starting between
///   2010 and late 2026 (so some not yet), a ninth of them ending in 2027; 10% of units also with an
///   earlier joint coverage that ended when the current one began; 5% with functional coverage only
///   (not counted as covered); 6% with coverage that ended by 2019;
/// - assignments: 10% with an instructor or first secretary from 2015 to mid-2026, 30% of those for a year.
/// Organizations and people are made over HTTP beforehand (foreign keys) and shared round robin.
/// </summary>
public static class CoverageSeed
{
    /// <summary>The date the report is asked for; the seeded dates fall on both sides of it.</summary>
    public static readonly DateOnly AsOf = new(2026, 6, 30);

    public static async Task<SeedResult> SeedAsync(NpgsqlDataSource database, int units, IReadOnlyList<string> counties,
        IReadOnlyList<Guid> organizations, IReadOnlyList<Guid> people, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await Execute(connection, Draws, ct, ("units", units));
        await Execute(connection, Units, ct, ("counties", counties.ToArray()));
        var coverage = await Execute(connection, Coverage, ct, ("organizations", organizations.ToArray()));
        var assignments = await Execute(connection, Assignments, ct, ("people", people.ToArray()));
        await transaction.CommitAsync(ct);
        // As autovacuum would leave them in production: statistics for the planner, the visibility map for index-only scans.
        await Execute(connection, "VACUUM (ANALYZE) units, unit_coverage, unit_assignments", ct);
        return new SeedResult(units, coverage, assignments, clock.Elapsed);
    }

    private static async Task<long> Execute(NpgsqlConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A number 0..999 from 7 hex digits of an md5 (28 bits: positive as an int).</summary>
    private static string Draw(string md5, int chunk) => $"('x' || substr({md5}, {1 + 7 * chunk}, 7))::bit(28)::int % 1000";

    /// <summary>A number of days 0..2^28 from the same md5, for dates.</summary>
    private static string Days(string md5, int chunk) => $"('x' || substr({md5}, {1 + 7 * chunk}, 7))::bit(28)::int";

    // The draws and the dates they give, one row per unit; dropped at commit.
    private static readonly string Draws = $"""
        CREATE TEMP TABLE seed ON COMMIT DROP AS
        SELECT i, id, type, founded,
               CASE WHEN close_draw < 80 THEN coalesce(founded, date '2000-01-01') + 200 + close_days % 4000 END AS closed,
               cover, mode, cover_from, ended_from, ended_from + 365 + ended_days % 1500 AS ended_to, assign, assign_from
        FROM (
            SELECT i, id,
                   CASE WHEN {Draw("a", 0)} < 600 THEN 'non-public-enterprise' ELSE 'social-organization' END AS type,
                   CASE WHEN {Draw("a", 1)} < 100 THEN NULL ELSE date '2000-01-01' + {Days("a", 2)} % 9800 END AS founded,
                   {Draw("a", 3)} AS close_draw,
                   {Days("b", 0)} AS close_days,
                   {Draw("b", 1)} AS cover,
                   CASE WHEN {Draw("b", 2)} < 500 THEN 'standalone' WHEN {Draw("b", 2)} < 800 THEN 'joint' ELSE 'affiliated' END AS mode,
                   date '2010-01-01' + {Days("b", 3)} % 6200 AS cover_from,
                   date '2008-01-01' + {Days("c", 2)} % 2000 AS ended_from,
                   {Days("c", 3)} AS ended_days,
                   {Draw("c", 0)} AS assign,
                   date '2015-01-01' + {Days("c", 1)} % 4200 AS assign_from
            FROM (SELECT i, gen_random_uuid() AS id, md5(i || ':a') AS a, md5(i || ':b') AS b, md5(i || ':c') AS c
                  FROM generate_series(1, @units) AS i) AS hashes
        ) AS draws
        """;

    // Credit codes of another division than the import's; unique is all the table asks.
    private const string Units = """
        INSERT INTO units ("Id", "Name", "Type", "CreditCode", "CountyCode", "HasFixedPremises", "SurveyFullMembers",
                           "SurveyProbationaryMembers", "FoundedOn", "ClosedOn", "CreatedAt", "Version")
        SELECT id, '覆盖测试单位' || i, type, '92990101' || lpad(i::text, 10, '0'), (@counties)[1 + i % cardinality(@counties)],
               true, i % 4, 0, founded, closed, now(), 0
        FROM seed
        """;

    // At most one covering organization per unit on any date, as the API keeps it: the earlier joint
    // coverage ends the day the current one begins. Organizations go round robin like the counties,
    // so that each county's branch covers that county's units.
    private const string Coverage = """
        INSERT INTO unit_coverage ("Id", "UnitId", "OrganizationId", "Mode", "From", "To", "CreatedAt")
        SELECT gen_random_uuid(), id, (@organizations)[1 + i % cardinality(@organizations)], c.mode, c.from_date, c.to_date, now()
        FROM seed
        CROSS JOIN LATERAL (
            SELECT CASE WHEN cover < 450 THEN seed.mode ELSE 'functional' END, cover_from,
                   CASE WHEN cover >= 400 AND cover < 450 THEN date '2027-01-01' END
            WHERE cover < 500
            UNION ALL
            SELECT 'joint', date '2005-01-01', cover_from WHERE cover < 100
            UNION ALL
            SELECT seed.mode, ended_from, ended_to WHERE cover >= 500 AND cover < 560
        ) AS c (mode, from_date, to_date)
        """;

    private const string Assignments = """
        INSERT INTO unit_assignments ("Id", "PersonId", "UnitId", "Role", "From", "To", "CreatedAt")
        SELECT gen_random_uuid(), (@people)[1 + i % cardinality(@people)], id,
               CASE WHEN assign < 80 THEN 'instructor' ELSE 'first-secretary' END, assign_from,
               CASE WHEN assign < 30 THEN assign_from + 365 END, now()
        FROM seed
        WHERE assign < 100
        """;
}
