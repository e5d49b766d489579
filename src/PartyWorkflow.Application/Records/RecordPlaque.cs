using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Records;

/// <summary>
/// An organization's plaque hung (党员活动室挂牌): in the premises of a unit it covers on the date
/// (the only one, when it is not named), <c>fixed</c> where that unit has fixed premises, else
/// <c>mobile</c> (移动式牌匾); a temporary organization's is always mobile.
/// </summary>
public sealed record RecordPlaque(Guid OrganizationId, Guid? UnitId, string? Kind, DateOnly? HungOn, string? Location) : ICommand<PlaqueView>, IValidate
{
    public static readonly string[] Kinds = ["fixed", "mobile"];

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (Kind is { } kind && !Kinds.Contains(kind)) yield return ("kind", "must be fixed or mobile / 应为 fixed（固定）或 mobile（移动式）");
        foreach (var problem in RecordDates.Past("hungOn", HungOn)) yield return problem;
        foreach (var problem in ContactDetails.MaxLength("location", Location, 200)) yield return problem;
    }
}

public sealed record PlaqueView(Guid Id, Guid OrganizationId, Guid? UnitId, string Kind, DateOnly HungOn, string? Location)
{
    public static PlaqueView Of(Plaque p) => new(p.Id, p.OrganizationId, p.UnitId, p.Kind, p.HungOn, p.Location);
}

public sealed class RecordPlaqueHandler(PartyWorkflowDbContext db, Clock clock) : ICommandHandler<RecordPlaque, PlaqueView>
{
    public async ValueTask<PlaqueView> Handle(RecordPlaque command, CancellationToken ct)
    {
        var date = command.HungOn!.Value;
        RecordDates.NotFuture("hungOn", date, clock);
        var organization = await RecordDates.OpenOrganizationAsync(db, command.OrganizationId, date, ct);
        var covered = await db.UnitCoverage.AsNoTracking()
            .Where(c => c.OrganizationId == organization.Id && c.From <= date && (c.To == null || c.To > date))
            .Join(db.Units, c => c.UnitId, u => u.Id, (c, u) => new CoveredUnit(u.Id, u.Name, u.HasFixedPremises))
            .Take(50).ToListAsync(ct);
        return Record(organization, covered, command);
    }

    /// <summary>A unit an organization covers on the plaque's date, with what the plaque depends on.</summary>
    public sealed record CoveredUnit(Guid Id, string Name, bool HasFixedPremises);

    /// <summary>The plaque, given the organization and the units it covers on the date (read by the caller: the route queries, the step prefetches).</summary>
    public PlaqueView Record(Organization organization, IReadOnlyList<CoveredUnit> covered, RecordPlaque command)
    {
        var date = command.HungOn!.Value;
        RecordDates.NotFuture("hungOn", date, clock);
        RecordDates.Open(organization, date);
        var unit = command.UnitId is { } unitId
            ? covered.FirstOrDefault(u => u.Id == unitId) ?? throw RuleRefusalException.For("plaque-unit-covered",
                $"unitId：该单位在 {date:yyyy-MM-dd} 不由本党组织覆盖", $"unitId: the organization does not cover this unit on {date:yyyy-MM-dd}")
            : covered.Count == 1 ? covered[0] : null;
        var mobileOnly = organization.FormationMode == "functional" || unit?.HasFixedPremises != true;
        var kind = command.Kind ?? (mobileOnly ? "mobile" : "fixed");
        if (kind == "fixed" && mobileOnly)
            throw RuleRefusalException.For("plaque-fits-premises",
                unit is null ? "kind：未指明挂牌的单位，固定牌匾须挂在有固定活动场所的单位，否则使用移动式牌匾" : $"kind：{unit.Name}没有固定活动场所（或为临时党组织），应使用移动式牌匾",
                unit is null ? "kind: name the unit; a fixed plaque needs a unit with fixed premises, else use a mobile plaque" : "kind: the unit has no fixed premises (or the organization is temporary): use a mobile plaque");
        var plaque = new Plaque
        {
            Id = Guid.CreateVersion7(), OrganizationId = organization.Id, UnitId = unit?.Id, Kind = kind, HungOn = date,
            Location = command.Location?.Trim(), RecordedAt = clock.Now,
        };
        db.Plaques.Add(plaque);
        return PlaqueView.Of(plaque);
    }
}
