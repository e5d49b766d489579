using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Registry;
using PartyWorkflow.Application.Units.Import;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Units;

/// <summary>
/// The units a list would show, as an .xlsx workbook: the first sheet has exactly the import
/// template's columns (an export imports again unchanged, so a county can correct it in Excel and
/// send it back); the second says who covers each unit today and its registered members.
/// </summary>
public sealed record ExportUnits(string? Type = null, string? County = null, string? Name = null, bool? Covered = null, Access.Actor? Reader = null) : IQuery<SpreadsheetFile>, IValidate
{
    public const int MaxRows = 100_000;

    public IEnumerable<(string Field, string Message)> Validate() => new ListUnits(Type, County, Name, Covered).Validate();
}

public sealed class ExportUnitsHandler(PartyWorkflowDbContext db, WorkflowCatalog catalog, Clock clock, Access.Scopes scopes) : IQueryHandler<ExportUnits, SpreadsheetFile>
{
    private static readonly string[] CoverageHeaders = ["统一社会信用代码", "单位名称", "覆盖党组织", "组建方式", "登记正式党员数", "登记预备党员数", "党建指导员或第一书记"];

    public async ValueTask<SpreadsheetFile> Handle(ExportUnits query, CancellationToken ct)
    {
        var today = clock.Today;
        var units = UnitQueryHandlers.Filter(db, query.Type, catalog.Reference.AreaFilter(query.County), query.Name, query.Covered, today, await scopes.CountiesAsync(query.Reader, ct));
        if (await units.CountAsync(ct) > ExportUnits.MaxRows)
            throw InvalidInputException.For("county", $"more than {ExportUnits.MaxRows} units: narrow the export by county or type / 超过 {ExportUnits.MaxRows} 个单位，请按县（市）或类型分别导出");
        var rows = await units.OrderBy(x => x.Unit.CountyCode).ThenBy(x => x.Unit.Name).ThenBy(x => x.Unit.Id)
            .Select(x => new
            {
                x.Unit,
                Organization = db.Organizations.Where(o => o.Id == x.CoveredBy).Select(o => o.Name).FirstOrDefault(),
                Mode = db.UnitCoverage.Where(c => c.UnitId == x.Unit.Id && c.From <= today && (c.To == null || c.To > today)).Select(c => c.Mode).FirstOrDefault(),
                Full = db.People.Count(p => p.UnitId == x.Unit.Id && p.Membership == "full"),
                Probationary = db.People.Count(p => p.UnitId == x.Unit.Id && p.Membership == "probationary"),
                Assigned = db.UnitAssignments.Any(a => a.UnitId == x.Unit.Id && a.From <= today && (a.To == null || a.To > today)),
            })
            .ToListAsync(ct);
        var reference = catalog.Reference;
        var workbook = new Spreadsheet()
            .Sheet("摸排台账", SurveyColumns.All.Select(c => c.Header).ToList(),
                rows.Select(r => SurveyColumns.All.Select(c => c.Write(r.Unit, reference)).ToList()))
            .Sheet("覆盖情况", CoverageHeaders,
                rows.Select(r => (IReadOnlyList<object?>)[r.Unit.CreditCode, r.Unit.Name, r.Organization, RegistryNames.Mode(r.Mode), r.Full, r.Probationary, r.Assigned ? "是" : "否"]));
        return new SpreadsheetFile(workbook.ToBytes(), $"单位名册-{today:yyyyMMdd}.xlsx");
    }
}
