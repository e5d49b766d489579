using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;
using Unit = PartyWorkflow.Persistence.Entities.Unit;

namespace PartyWorkflow.Application.Reports;

/// <summary>The counting behind the coverage report, done by the database: one grouped query per date.</summary>
public sealed class CoverageCounts(PartyWorkflowDbContext db, string? county, string? type)
{
    public sealed record Group(string CountyCode, string Type, int Units, int Covered, int Standalone, int WorkCovered);

        /// <summary>
    /// The units in operation on the date, left-joined to their covering and assignment rows grouped
    /// by unit: one pass over each table, in SQL written here because EF Core cannot group over a
    /// left join (and EXISTS subqueries inside the counts cost a probe per unit and figure: six times
    /// slower over 100,000 units, docs/performance.md). Names come from the model; values are parameters.
    /// </summary>
    public async Task<List<Group>> AsOfAsync(DateOnly date, CancellationToken ct)
    {
        var n = new ReadBatch(db);
        string U(string column) => "u." + n.Column<Unit>(column);
        string C(string column) => n.Column<UnitCoverage>(column);
        string A(string column) => n.Column<UnitAssignment>(column);
        var parameters = new List<object> { date };
        var filters = "";
        if (county is not null) { parameters.Add(county); filters += $" AND {U(nameof(Unit.CountyCode))} = {{{parameters.Count - 1}}}"; }
        if (type is not null) { parameters.Add(type); filters += $" AND {U(nameof(Unit.Type))} = {{{parameters.Count - 1}}}"; }
        var sql = $$"""
            SELECT {{U(nameof(Unit.CountyCode))}} AS "CountyCode", {{U(nameof(Unit.Type))}} AS "Type", COUNT(*) AS "Units",
                   COUNT(c.unit) AS "Covered", SUM(COALESCE(c.standalone, 0)) AS "Standalone",
                   SUM(CASE WHEN c.unit IS NOT NULL OR a.unit IS NOT NULL THEN 1 ELSE 0 END) AS "WorkCovered"
            FROM {{n.Table<Unit>()}} u
            LEFT JOIN (SELECT {{C(nameof(UnitCoverage.UnitId))}} AS unit, MAX(CASE WHEN {{C(nameof(UnitCoverage.Mode))}} = 'standalone' THEN 1 ELSE 0 END) AS standalone
                       FROM {{n.Table<UnitCoverage>()}}
                       WHERE {{C(nameof(UnitCoverage.From))}} <= {0} AND ({{C(nameof(UnitCoverage.To))}} IS NULL OR {{C(nameof(UnitCoverage.To))}} > {0})
                         AND {{C(nameof(UnitCoverage.Mode))}} IN ({{string.Join(", ", CoverageFigures.CoveringModes.Select(m => $"'{m}'"))}})
                       GROUP BY {{C(nameof(UnitCoverage.UnitId))}}) c ON c.unit = u.{{n.Column<Unit>(nameof(Unit.Id))}}
            LEFT JOIN (SELECT DISTINCT {{A(nameof(UnitAssignment.UnitId))}} AS unit
                       FROM {{n.Table<UnitAssignment>()}}
                       WHERE {{A(nameof(UnitAssignment.From))}} <= {0} AND ({{A(nameof(UnitAssignment.To))}} IS NULL OR {{A(nameof(UnitAssignment.To))}} > {0})) a
                   ON a.unit = u.{{n.Column<Unit>(nameof(Unit.Id))}}
            WHERE ({{U(nameof(Unit.FoundedOn))}} IS NULL OR {{U(nameof(Unit.FoundedOn))}} <= {0})
              AND ({{U(nameof(Unit.ClosedOn))}} IS NULL OR {{U(nameof(Unit.ClosedOn))}} > {0}){{filters}}
            GROUP BY {{U(nameof(Unit.CountyCode))}}, {{U(nameof(Unit.Type))}}
            """;
        var rows = await db.Database.SqlQueryRaw<Row>(sql, parameters.ToArray()).ToListAsync(ct);
        return rows.Select(r => new Group(r.CountyCode, r.Type, (int)r.Units, (int)r.Covered, (int)r.Standalone, (int)r.WorkCovered)).ToList();
    }

    private sealed class Row
    {
        public required string CountyCode { get; init; }
        public required string Type { get; init; }
        public long Units { get; init; }
        public long Covered { get; init; }
        public long Standalone { get; init; }
        public long WorkCovered { get; init; }
    }

    /// <summary>Organizations registered in the period (both ends included), of the county asked for.</summary>
    public async Task<List<EstablishedOrganization>> EstablishedAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        (await db.Organizations.AsNoTracking()
            .Where(o => o.EstablishedOn != null && o.EstablishedOn >= from && o.EstablishedOn <= to && o.Kind != "work-committee")
            .Where(o => county == null || o.CountyCode == county)
            .OrderBy(o => o.EstablishedOn).ThenBy(o => o.Name).Take(1000)
            .ToListAsync(ct))
        .Select(o => new EstablishedOrganization(o.Id, o.Name, o.Kind, o.FormationMode, o.CountyCode, o.EstablishedOn!.Value)).ToList();
}
