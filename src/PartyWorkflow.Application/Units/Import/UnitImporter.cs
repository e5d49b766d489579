using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Persistence;
using Unit = PartyWorkflow.Persistence.Entities.Unit;

namespace PartyWorkflow.Application.Units.Import;

public sealed record RowError(int Row, string Column, string Message);

public sealed record ImportReport(bool DryRun, int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<RowError> Errors);

/// <summary>
/// Imports the survey file: units matched by credit code are updated, new ones created, the same
/// file twice changes nothing. A row with a fault is reported (row, column, reason) and skipped;
/// the good rows are written a batch at a time, each batch in one transaction. A dry run reports
/// the same without writing. Not a Mediator command: a command is one transaction, an import is many.
/// </summary>
public sealed class UnitImporter(PartyWorkflowDbContext db, WorkflowCatalog catalog, Clock clock)
{
    public const int BatchSize = 500;

    /// <param name="area">The counties the importing user's roles reach (null: every county): a row of another county, or
    /// one that would change a unit registered in another county, is reported and skipped.</param>
    public async Task<ImportReport> ImportAsync(byte[] content, string fileName, bool dryRun, IProgress<(int Done, int Total)>? progress = null, CancellationToken ct = default,
        IReadOnlySet<string>? area = null)
    {
        var rows = SurveyFile.Read(content, fileName);
        var errors = new List<RowError>();
        var seen = new Dictionary<string, int>();
        int created = 0, updated = 0, unchanged = 0, done = 0;
        foreach (var batch in rows.Chunk(BatchSize))
        {
            var good = new List<(SurveyFile.Row Row, UnitFields Fields)>();
            foreach (var row in batch)
            {
                var (fields, rowErrors) = SurveyColumns.Read(row.Cells, catalog.Reference);
                if (fields is null)
                {
                    errors.AddRange(rowErrors.Select(e => new RowError(row.Number, e.Column, e.Message)));
                    continue;
                }
                if (seen.TryGetValue(fields.CreditCode!, out var first))
                {
                    errors.Add(new RowError(row.Number, "统一社会信用代码", $"与第 {first} 行重复 / the same code as row {first}"));
                    continue;
                }
                seen[fields.CreditCode!] = row.Number;
                if (area is not null && !area.Contains(fields.CountyCode!))
                {
                    errors.Add(OutsideArea(row.Number, fields.CountyCode!));
                    continue;
                }
                good.Add((row, fields));
            }

            var codes = good.Select(g => g.Fields.CreditCode!).ToList();
            var existing = await db.Units.Where(u => codes.Contains(u.CreditCode)).ToDictionaryAsync(u => u.CreditCode, ct);
            foreach (var (row, fields) in good)
            {
                if (existing.TryGetValue(fields.CreditCode!, out var unit))
                {
                    if (area is not null && !area.Contains(unit.CountyCode))
                    {
                        errors.Add(OutsideArea(row.Number, unit.CountyCode));
                        continue;
                    }
                    fields.ApplyTo(unit);
                    if (db.Entry(unit).State == EntityState.Modified) { unit.Version += 1; updated++; }
                    else unchanged++;
                    continue;
                }
                var added = new Unit { Id = Guid.CreateVersion7(), Name = "", Type = "", CreditCode = "", CountyCode = "", CreatedAt = clock.Now };
                fields.ApplyTo(added);
                db.Units.Add(added);
                created++;
            }
            if (!dryRun)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            db.ChangeTracker.Clear();
            progress?.Report((done += batch.Length, rows.Count));
        }
        return new ImportReport(dryRun, rows.Count, created, updated, unchanged, errors.OrderBy(e => e.Row).ToList());
    }

    private static RowError OutsideArea(int row, string county) =>
        new(row, "所在县（市）", $"县（市）{county} 不在本用户的管辖范围内 / county {county} is outside your area");
}
