using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Reports;

/// <summary>
/// The terms (换届) of the organizations on record as of a date, for the work committee: those whose
/// term is overdue, those ending within 6 months, and those with no term on record ("term unknown",
/// to be entered). Temporary (functional) organizations have no term and are left out.
/// </summary>
public sealed record GetTermsReport(DateOnly? AsOf = null, string? County = null) : IQuery<TermsReport>, IValidate
{
    public const int DueWithinMonths = 6;

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (AsOf is { Year: < 1921 or > 2100 }) yield return ("asOf", "must be a date between 1921 and 2100 / 日期应在 1921 至 2100 年之间");
        if (County is { Length: > 12 }) yield return ("county", "must be a county code / 应为县（市）代码");
    }
}

public sealed record TermsReport(DateOnly AsOf, string? County, IReadOnlyList<TermLine> Overdue, IReadOnlyList<TermLine> Due, IReadOnlyList<TermLine> Unknown, int InTerm);

/// <summary>An organization and its current term (null for term unknown).</summary>
public sealed record TermLine(Guid OrganizationId, string Name, string Kind, string? CountyCode, DateOnly? ElectedOn, DateOnly? EndsOn);

public sealed class GetTermsReportHandler(PartyWorkflowDbContext db, WorkflowCatalog catalog, Clock clock) : IQueryHandler<GetTermsReport, TermsReport>
{
    public async ValueTask<TermsReport> Handle(GetTermsReport query, CancellationToken ct)
    {
        var county = catalog.Reference.AreaFilter(query.County);
        var asOf = query.AsOf ?? clock.Today;
        var lines = await db.Organizations.AsNoTracking()
            .Where(o => o.Kind != "work-committee" && o.FormationMode != "functional")
            .Where(o => (o.EstablishedOn == null || o.EstablishedOn <= asOf) && (o.DissolvedOn == null || o.DissolvedOn > asOf))
            .Where(o => county == null || o.CountyCode == county)
            .Select(o => new
            {
                o.Id, o.Name, o.Kind, o.CountyCode,
                Term = db.OrganizationTerms.Where(t => t.OrganizationId == o.Id && t.ElectedOn <= asOf).OrderByDescending(t => t.ElectedOn)
                    .Select(t => new { t.ElectedOn, t.EndsOn }).FirstOrDefault(),
            })
            .OrderBy(x => x.Name).ThenBy(x => x.Id)
            .ToListAsync(ct);
        var all = lines.Select(x => new TermLine(x.Id, x.Name, x.Kind, x.CountyCode, x.Term?.ElectedOn, x.Term?.EndsOn)).ToList();
        var soon = asOf.AddMonths(GetTermsReport.DueWithinMonths);
        return new TermsReport(asOf, county,
            all.Where(l => l.EndsOn is { } end && end <= asOf).OrderBy(l => l.EndsOn).ToList(),
            all.Where(l => l.EndsOn is { } end && end > asOf && end <= soon).OrderBy(l => l.EndsOn).ToList(),
            all.Where(l => l.EndsOn is null).ToList(),
            all.Count(l => l.EndsOn is { } end && end > soon));
    }
}
