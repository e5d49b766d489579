using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Units;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Reports;

/// <summary>
/// The coverage the work committee reports, as of a date, by type and by county: organization
/// coverage, standalone share and work coverage (definitions in <see cref="CoverageFigures"/>).
/// With <c>from</c> and <c>to</c> it adds a monthly series (each month's last day, and <c>to</c>) and the
/// organizations established in the period. It lists the uncovered units with the most members
/// first, and the organizations that no longer fit the size rules with the rule ids that fail. The
/// database counts; no unit is loaded but the ones listed.
/// </summary>
public sealed record GetCoverageReport(DateOnly? AsOf = null, DateOnly? From = null, DateOnly? To = null, string? County = null, string? Type = null)
    : IQuery<CoverageReport>, IValidate
{
    public const int MaxMonths = 120;

    public IEnumerable<(string Field, string Message)> Validate()
    {
        foreach (var (field, value) in new[] { ("asOf", AsOf), ("from", From), ("to", To) })
            if (value is { Year: < 1921 or > 2100 }) yield return (field, "must be a date between 1921 and 2100 / 日期应在 1921 至 2100 年之间");
        if ((From is null) != (To is null)) yield return (From is null ? "from" : "to", "from and to go together / from 与 to 应同时给出");
        if (From is { } from && To is { } to)
        {
            if (to < from) yield return ("to", "must not be before from / 不能早于 from");
            else if ((to.Year - from.Year) * 12 + to.Month - from.Month >= MaxMonths) yield return ("to", $"a series covers at most {MaxMonths} months / 最多 {MaxMonths} 个月");
        }
        if (Type is { } type && !UnitView.Types.Contains(type)) yield return ("type", $"must be one of: {string.Join(", ", UnitView.Types)}");
        if (County is { Length: > 12 }) yield return ("county", "must be a county code / 应为县（市）代码");
    }
}

public sealed record CoverageReport(
    DateOnly AsOf, string? County, string? Type, CoverageFigures Total, IReadOnlyList<CoverageFigures> ByType,
    IReadOnlyList<CoverageFigures> ByCounty, IReadOnlyList<CoverageLine> Lines, IReadOnlyList<CoveragePoint>? Series, IReadOnlyList<EstablishedOrganization>? Established,
    IReadOnlyList<UncoveredUnit> Uncovered, IReadOnlyList<MisfitOrganization> Misfits,
    IReadOnlyDictionary<string, LocalizedDefinition> Definitions);

/// <summary>One county and one type.</summary>
public sealed record CoverageLine(string CountyCode, string? CountyName, string Type, int Units, int Covered, int Standalone, int WorkCovered,
    decimal? OrganizationCoverage, decimal? StandaloneShare, decimal? WorkCoverage);

public sealed record CoveragePoint(DateOnly AsOf, CoverageFigures Total, IReadOnlyList<CoverageFigures> ByType);

public sealed record EstablishedOrganization(Guid Id, string Name, string Kind, string? FormationMode, string? CountyCode, DateOnly EstablishedOn);

public sealed record LocalizedDefinition(string Zh, string En);

public sealed class GetCoverageReportHandler(PartyWorkflowDbContext db, WorkflowCatalog catalog, Clock clock) : IQueryHandler<GetCoverageReport, CoverageReport>
{
    public async ValueTask<CoverageReport> Handle(GetCoverageReport query, CancellationToken ct)
    {
        var reference = catalog.Reference;
        var county = reference.AreaFilter(query.County);
        var asOf = query.AsOf ?? query.To ?? clock.Today;
        var counts = new CoverageCounts(db, county, query.Type);
        var groups = await counts.AsOfAsync(asOf, ct);

        List<CoveragePoint>? series = null;
        List<EstablishedOrganization>? established = null;
        if (query.From is { } from && query.To is { } to)
        {
            series = [];
            foreach (var date in MonthEnds(from, to))
            {
                var point = date == asOf ? groups : await counts.AsOfAsync(date, ct);
                series.Add(new CoveragePoint(date, CoverageFigures.Sum("total", null, point), ByType(point)));
            }
            established = await counts.EstablishedAsync(from, to, ct);
        }

        return new CoverageReport(asOf, county, query.Type, CoverageFigures.Sum("total", null, groups), ByType(groups),
            groups.GroupBy(g => g.CountyCode).OrderBy(g => g.Key)
                .Select(g => CoverageFigures.Sum(g.Key, reference.County(g.Key)?.Zh, g)).ToList(),
            groups.OrderBy(g => g.CountyCode).ThenBy(g => g.Type).Select(g =>
            {
                var f = CoverageFigures.Sum(g.CountyCode, null, [g]);
                return new CoverageLine(g.CountyCode, reference.County(g.CountyCode)?.Zh, g.Type, f.Units, f.Covered, f.Standalone, f.WorkCovered,
                    f.OrganizationCoverage, f.StandaloneShare, f.WorkCoverage);
            }).ToList(),
            series, established,
            await new UncoveredUnits(db, county, query.Type).AsOfAsync(asOf, ct),
            await new OrganizationFit(db, county).MisfitsAsync(asOf, ct),
            CoverageFigures.Definitions);
    }

    private static List<CoverageFigures> ByType(IEnumerable<CoverageCounts.Group> groups) =>
        UnitView.Types.Select(type => CoverageFigures.Sum(type, type == "non-public-enterprise" ? "非公有制经济组织" : "社会组织", groups.Where(g => g.Type == type))).ToList();

    /// <summary>The last day of every month from <paramref name="from"/>'s to <paramref name="to"/>'s, the last one being <paramref name="to"/>.</summary>
    private static IEnumerable<DateOnly> MonthEnds(DateOnly from, DateOnly to)
    {
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var end = month.AddMonths(1).AddDays(-1);
            yield return end < to ? end : to;
        }
    }
}
