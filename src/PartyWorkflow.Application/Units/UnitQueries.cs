using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Persistence;
using Unit = PartyWorkflow.Persistence.Entities.Unit;

namespace PartyWorkflow.Application.Units;

public sealed record GetUnit(Guid Id) : IQuery<UnitView>;

/// <summary>Units a page at a time, by type, county, a part of the name or the credit code, and whether an organization covers them today.</summary>
public sealed record ListUnits(string? Type = null, string? County = null, string? Name = null, bool? Covered = null, int Page = 1, int PageSize = 50, Access.Actor? Reader = null)
    : IQuery<UnitPage>, IValidate
{
    public const int MaxPageSize = 200;

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (Page < 1) yield return ("page", "must be 1 or more / 页码应不小于 1");
        if (PageSize is < 1 or > MaxPageSize) yield return ("pageSize", $"must be between 1 and {MaxPageSize} / 每页条数应在 1 到 {MaxPageSize} 之间");
        if (Type is { } type && !UnitView.Types.Contains(type)) yield return ("type", $"must be one of: {string.Join(", ", UnitView.Types)}");
        if (Name is { Length: > 100 }) yield return ("name", "must be at most 100 characters / 不超过 100 个字符");
        if (County is { Length: > 12 }) yield return ("county", "must be a county code / 应为县（市）代码");
    }
}

public sealed record UnitPage(IReadOnlyList<UnitSummary> Items, int Page, int PageSize, int Total);

public sealed record UnitSummary(Guid Id, string Name, string Type, string CreditCode, string CountyCode, string? IndustryCode,
    int SurveyFullMembers, int SurveyProbationaryMembers, DateOnly? ClosedOn, Guid? CoveredBy);

public sealed class UnitQueryHandlers(PartyWorkflowDbContext db, UnitCounts counts, WorkflowCatalog catalog, Clock clock, Access.Scopes scopes) :
    IQueryHandler<GetUnit, UnitView>, IQueryHandler<ListUnits, UnitPage>
{
    public async ValueTask<UnitView> Handle(GetUnit query, CancellationToken ct) =>
        await counts.ViewAsync(await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == query.Id, ct)
                               ?? throw new NotFoundException("unit", query.Id.ToString()), ct);

    public async ValueTask<UnitPage> Handle(ListUnits query, CancellationToken ct)
    {
        var units = Filter(db, query.Type, catalog.Reference.AreaFilter(query.County), query.Name, query.Covered, clock.Today, await scopes.CountiesAsync(query.Reader, ct));
        var total = await units.CountAsync(ct);
        var page = await units.OrderBy(x => x.Unit.Name).ThenBy(x => x.Unit.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        return new UnitPage(page.Select(x => new UnitSummary(x.Unit.Id, x.Unit.Name, x.Unit.Type, x.Unit.CreditCode, x.Unit.CountyCode,
            x.Unit.IndustryCode, x.Unit.SurveyFullMembers, x.Unit.SurveyProbationaryMembers, x.Unit.ClosedOn, x.CoveredBy)).ToList(),
            query.Page, query.PageSize, total);
    }

    public sealed class FilteredUnit
    {
        public required Unit Unit { get; init; }
        public Guid? CoveredBy { get; init; }
    }

    /// <summary>
    /// The units a list or an export asks for (<paramref name="county"/> as <see cref="ReferenceLists.AreaFilter"/> gives it), within
    /// the counties the reader's roles reach (<paramref name="area"/>, null for everywhere), with the organization that covers each today.
    /// </summary>
    public static IQueryable<FilteredUnit> Filter(PartyWorkflowDbContext db, string? type, string? county, string? name, bool? covered, DateOnly today, IReadOnlySet<string>? area)
    {
        name = name?.Trim();
        return db.Units.AsNoTracking()
            .Where(u => area == null || area.Contains(u.CountyCode))
            .Where(u => type == null || u.Type == type)
            .Where(u => county == null || u.CountyCode == county)
            .Where(u => string.IsNullOrEmpty(name) || u.Name.Contains(name) || u.CreditCode == name.ToUpper())
            // Asked whether covered, one means units in operation: a closed unit is neither.
            .Where(u => covered == null || u.ClosedOn == null || u.ClosedOn > today)
            .Select(u => new FilteredUnit
            {
                Unit = u,
                CoveredBy = db.UnitCoverage.Where(c => c.UnitId == u.Id && c.From <= today && (c.To == null || c.To > today))
                    .Select(c => (Guid?)c.OrganizationId).FirstOrDefault(),
            })
            .Where(x => covered == null || (x.CoveredBy != null) == covered);
    }
}
