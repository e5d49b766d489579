using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Registry;

/// <summary>
/// The party organizations on record as an .xlsx workbook, one row each: kind, formation mode,
/// county, parent, establishment and dissolution, the current term with its secretary and deputy,
/// and the units covered today. <c>county</c> (the prefecture's code means all) and <c>kind</c> narrow it.
/// </summary>
public sealed record ExportOrganizations(string? County = null, string? Kind = null) : IQuery<SpreadsheetFile>, IValidate
{
    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (Kind is { } kind && !OrganizationView.Kinds.Contains(kind)) yield return ("kind", $"must be one of: {string.Join(", ", OrganizationView.Kinds)}");
        if (County is { Length: > 12 }) yield return ("county", "must be a county code / 应为县（市）代码");
    }
}

public sealed class ExportOrganizationsHandler(PartyWorkflowDbContext db, WorkflowCatalog catalog, Clock clock) : IQueryHandler<ExportOrganizations, SpreadsheetFile>
{
    private static readonly string[] Headers =
        ["名称", "类别", "组建方式", "所在县（市）", "上级党组织", "成立日期", "撤销日期", "书记", "副书记", "本届选举日期", "本届届满日期", "覆盖单位数", "覆盖单位"];

    public async ValueTask<SpreadsheetFile> Handle(ExportOrganizations query, CancellationToken ct)
    {
        var county = catalog.Reference.AreaFilter(query.County);
        var today = clock.Today;
        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => query.Kind == null || o.Kind == query.Kind)
            .Where(o => county == null || o.CountyCode == county)
            .OrderBy(o => o.CountyCode).ThenBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new
            {
                Organization = o,
                Parent = db.Organizations.Where(p => p.Id == o.ParentId).Select(p => p.Name).FirstOrDefault(),
                Term = db.OrganizationTerms.Where(t => t.OrganizationId == o.Id && t.ElectedOn <= today).OrderByDescending(t => t.ElectedOn)
                    .Select(t => new
                    {
                        t.ElectedOn, t.EndsOn,
                        Secretary = db.People.Where(p => p.Id == t.SecretaryId).Select(p => p.Name).FirstOrDefault(),
                        Deputy = db.People.Where(p => p.Id == t.DeputySecretaryId).Select(p => p.Name).FirstOrDefault(),
                    }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        // The names of the units covered today, by organization: one query, only covered units.
        var covered = (await db.UnitCoverage.AsNoTracking()
                .Where(c => c.From <= today && (c.To == null || c.To > today))
                .Join(db.Units, c => c.UnitId, u => u.Id, (c, u) => new { c.OrganizationId, u.Name })
                .ToListAsync(ct))
            .ToLookup(c => c.OrganizationId, c => c.Name);
        var reference = catalog.Reference;
        var rows = organizations.Select(x =>
        {
            var o = x.Organization;
            var units = covered[o.Id].Order().ToList();
            return (IReadOnlyList<object?>)[o.Name, RegistryNames.Kind(o.Kind), RegistryNames.Mode(o.FormationMode), reference.County(o.CountyCode)?.Zh ?? o.CountyCode,
                x.Parent, Iso(o.EstablishedOn), Iso(o.DissolvedOn), x.Term?.Secretary, x.Term?.Deputy, Iso(x.Term?.ElectedOn), Iso(x.Term?.EndsOn),
                units.Count, string.Join("、", units)];
        });
        return new SpreadsheetFile(new Spreadsheet().Sheet("党组织", Headers, rows).ToBytes(), $"党组织名册-{today:yyyyMMdd}.xlsx");
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd");
}
