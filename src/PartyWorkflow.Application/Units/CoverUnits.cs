using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Units;

/// <summary>
/// An organization on record starts covering units from a date (for organizations that existed
/// before the system, and for affiliations). A unit is covered by at most one organization on a
/// date (<c>unit-not-covered</c>).
/// </summary>
public sealed record CoverUnits(Guid OrganizationId, IReadOnlyList<Guid>? UnitIds, DateOnly? From, string? Mode) : ICommand<IReadOnlyList<CoverageView>>, IValidate
{
    public static readonly string[] Modes = ["standalone", "joint", "affiliated", "functional"];

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (UnitIds is not { Count: > 0 }) yield return ("unitIds", "must name at least one unit / 至少一个单位");
        else if (UnitIds.Count > 50) yield return ("unitIds", "at most 50 units at once / 一次最多 50 个单位");
        else if (UnitIds.Distinct().Count() != UnitIds.Count) yield return ("unitIds", "names a unit twice / 单位重复");
        if (From is null) yield return ("from", "is required / 必填");
        else if (From is { Year: < 1921 or > 2100 }) yield return ("from", "must be a date between 1921 and 2100");
        if (Mode is { } mode && !Modes.Contains(mode)) yield return ("mode", $"must be one of: {string.Join(", ", Modes)}");
    }
}

public sealed record CoverageView(Guid Id, Guid UnitId, Guid OrganizationId, string Mode, DateOnly From, DateOnly? To)
{
    public static CoverageView Of(UnitCoverage c) => new(c.Id, c.UnitId, c.OrganizationId, c.Mode, c.From, c.To);
}

public sealed class CoverUnitsHandler(PartyWorkflowDbContext db, Clock clock) : ICommandHandler<CoverUnits, IReadOnlyList<CoverageView>>
{
    public async ValueTask<IReadOnlyList<CoverageView>> Handle(CoverUnits command, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == command.OrganizationId, ct)
                           ?? throw new NotFoundException("party organization", command.OrganizationId.ToString());
        var from = command.From!.Value;
        var ids = command.UnitIds!;
        var units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(ct);
        // Any coverage that is still open after the date, or starts after it, overlaps [from, ∞).
        var taken = await db.UnitCoverage.AsNoTracking().Where(c => ids.Contains(c.UnitId) && (c.To == null || c.To > from)).ToListAsync(ct);
        var mode = command.Mode ?? (organization.FormationMode is "joint" or "affiliated" or "functional" ? organization.FormationMode : ids.Count > 1 ? "joint" : "standalone");

        var unmet = new List<RuleMessage>();
        if (organization.Kind == "work-committee")
            unmet.Add(Rule("organization-covers-units", "organizationId：两新工委不直接覆盖单位，应由党组织覆盖", "organizationId: a work committee covers no unit itself; a party organization does"));
        if (organization.DissolvedOn is { } dissolved && dissolved <= from)
            unmet.Add(Rule("organization-active", $"该党组织已于 {dissolved:yyyy-MM-dd} 撤销", $"the organization was dissolved on {dissolved:yyyy-MM-dd}"));
        foreach (var missing in ids.Where(id => units.All(u => u.Id != id)))
            unmet.Add(Rule("unit-exists", $"unitIds：找不到编号为 {missing} 的单位", $"unitIds: no unit with id {missing}"));
        foreach (var unit in units.Where(u => u.ClosedOn is { } closed && closed <= from))
            unmet.Add(Rule("unit-in-operation", $"{unit.Name} 已于 {unit.ClosedOn:yyyy-MM-dd} 注销", $"{unit.Name} closed on {unit.ClosedOn:yyyy-MM-dd}"));
        foreach (var clash in taken)
        {
            var name = units.FirstOrDefault(u => u.Id == clash.UnitId)?.Name ?? clash.UnitId.ToString();
            unmet.Add(Rule("unit-not-covered",
                $"{name} 自 {clash.From:yyyy-MM-dd} 起已由另一个党组织覆盖（{(clash.To is { } to ? $"至 {to:yyyy-MM-dd}" : "至今")}）",
                $"{name} is covered by another organization from {clash.From:yyyy-MM-dd} ({(clash.To is { } end ? $"until {end:yyyy-MM-dd}" : "still")})"));
        }
        if (unmet.Count > 0) throw new RuleRefusalException(unmet);

        var rows = ids.Select(id => new UnitCoverage
        {
            Id = Guid.CreateVersion7(), UnitId = id, OrganizationId = organization.Id, Mode = mode, From = from, CreatedAt = clock.Now,
        }).ToList();
        db.UnitCoverage.AddRange(rows);
        return rows.Select(CoverageView.Of).ToList();
    }

    private static RuleMessage Rule(string id, string zh, string en) => new(id, new LocalizedText(zh, en));
}
