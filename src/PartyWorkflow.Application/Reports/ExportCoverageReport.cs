using Mediator;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Registry;
using PartyWorkflow.Application.Workflows;

namespace PartyWorkflow.Application.Reports;

/// <summary>
/// The coverage report as an .xlsx workbook, a sheet for each part: the figures by type and county,
/// the county × type lines, the monthly series, the organizations set up in the period, the
/// uncovered units, the organizations that no longer fit, and what each figure counts.
/// </summary>
public sealed record ExportCoverageReport(GetCoverageReport Report) : IQuery<SpreadsheetFile>, IValidate
{
    public IEnumerable<(string Field, string Message)> Validate() => Report.Validate();
}

public sealed class ExportCoverageReportHandler(IMediator mediator, WorkflowCatalog catalog) : IQueryHandler<ExportCoverageReport, SpreadsheetFile>
{
    private static readonly string[] FigureHeaders = ["范围", "在营单位数", "党组织覆盖单位数", "单独组建单位数", "工作覆盖单位数", "党组织覆盖率(%)", "单独组建率(%)", "工作覆盖率(%)"];

    public async ValueTask<SpreadsheetFile> Handle(ExportCoverageReport query, CancellationToken ct)
    {
        var report = await mediator.Send(query.Report, ct);
        var reference = catalog.Reference;
        string? County(string? code) => code is null ? null : reference.County(code)?.Zh ?? code;
        static IReadOnlyList<object?> Figures(string name, CoverageFigures f) =>
            [name, f.Units, f.Covered, f.Standalone, f.WorkCovered, f.OrganizationCoverage, f.StandaloneShare, f.WorkCoverage];

        var workbook = new Spreadsheet()
            .Sheet("汇总", FigureHeaders,
                [Figures($"合计（截至 {report.AsOf:yyyy-MM-dd}）", report.Total),
                 .. report.ByType.Select(f => Figures(f.Name ?? f.Key, f)),
                 .. report.ByCounty.Select(f => Figures(f.Name ?? f.Key, f))])
            .Sheet("分县分类型", ["县（市）", "类型", .. FigureHeaders[1..]],
                report.Lines.Select(l => (IReadOnlyList<object?>)[l.CountyName ?? l.CountyCode, RegistryNames.UnitType(l.Type), l.Units, l.Covered, l.Standalone,
                    l.WorkCovered, l.OrganizationCoverage, l.StandaloneShare, l.WorkCoverage]))
            .Sheet("需调整党组织", ["名称", "类别", "组建方式", "县（市）", "覆盖单位数", "正式党员数", "党员数", "规则", "说明"],
                report.Misfits.SelectMany(m => m.Flags.Select(f => (IReadOnlyList<object?>)[m.Name, RegistryNames.Kind(m.Kind), RegistryNames.Mode(m.FormationMode),
                    County(m.CountyCode), m.Units, m.FullMembers, m.Members, f.RuleId, f.Zh])))
            .Sheet("未覆盖单位", ["单位名称", "类型", "县（市）", "行业", "正式党员数", "摸排正式党员数", "摸排预备党员数", "登记正式党员数", "登记预备党员数", "有无组建意愿", "党建指导员"],
                report.Uncovered.Select(u => (IReadOnlyList<object?>)[u.Name, RegistryNames.UnitType(u.Type), County(u.CountyCode), reference.Industry(u.IndustryCode)?.Zh,
                    u.FullMembers, u.SurveyFullMembers, u.SurveyProbationaryMembers, u.RegisteredFullMembers, u.RegisteredProbationaryMembers,
                    u.WillingToEstablish switch { true => "有", false => "无", null => null }, u.HasInstructor ? "有" : "无"]));
        if (report.Series is { } series)
            workbook.Sheet("月度", ["截至", .. FigureHeaders[1..]],
                series.Select(p => (IReadOnlyList<object?>)[p.AsOf.ToString("yyyy-MM-dd"), .. Figures("", p.Total).Skip(1)]));
        if (report.Established is { } established)
            workbook.Sheet("新建党组织", ["名称", "类别", "组建方式", "县（市）", "成立日期"],
                established.Select(o => (IReadOnlyList<object?>)[o.Name, RegistryNames.Kind(o.Kind), RegistryNames.Mode(o.FormationMode), County(o.CountyCode), o.EstablishedOn.ToString("yyyy-MM-dd")]));
        workbook.Sheet("口径说明", ["指标", "说明", "definition"],
            report.Definitions.Select(d => (IReadOnlyList<object?>)[d.Key, d.Value.Zh, d.Value.En]));
        var area = report.County is null ? "全州" : County(report.County);
        return new SpreadsheetFile(workbook.ToBytes(), $"覆盖情况-{area}-{report.AsOf:yyyyMMdd}.xlsx");
    }
}
