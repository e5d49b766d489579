using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Engine.Funds;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Funds;

/// <summary>
/// The funds ledger for a period of whole months: per organization what its jurisdiction's policy
/// makes due (item by item), what was paid in the period and what is outstanding; totals per county
/// and overall. Only organizations registered by the period's end and not dissolved before its start
/// are read, with their secretaries' terms and the period's payments.
/// </summary>
public sealed record GetFundsLedger(DateOnly? From, DateOnly? To, string? County = null, Guid? Organization = null) : IQuery<FundsLedger>, IValidate
{
    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (From is null) yield return ("from", "is required / 必填");
        if (To is null) yield return ("to", "is required / 必填");
        foreach (var (field, value) in new[] { ("from", From), ("to", To) })
            if (value is { Year: < 2000 or > 2100 }) yield return (field, "must be a date between 2000 and 2100");
        if (From is { } from && To is { } to && (to < from || to > from.AddYears(10))) yield return ("to", "must be after from, at most 10 years later / 应晚于 from，且不超过 10 年");
        if (County is { Length: > 12 }) yield return ("county", "must be a county code / 应为县（市）代码");
    }
}

public sealed record FundsLedger(DateOnly From, DateOnly To, IReadOnlyList<LedgerLine> Organizations, IReadOnlyList<LedgerTotal> ByCounty, LedgerTotal Total);

public sealed record LedgerLine(Guid OrganizationId, string Name, string Kind, string? FormationMode, string? CountyCode, DateOnly EstablishedOn, DateOnly? DissolvedOn,
    string? Policy, IReadOnlyDictionary<string, decimal> DueByItem, decimal Due, decimal Paid, decimal Outstanding);

public sealed record LedgerTotal(string Key, decimal Due, decimal Paid, decimal Outstanding);

public sealed class GetFundsLedgerHandler(PartyWorkflowDbContext db, WorkflowCatalog catalog) : IQueryHandler<GetFundsLedger, FundsLedger>
{
    public async ValueTask<FundsLedger> Handle(GetFundsLedger query, CancellationToken ct)
    {
        DateOnly from = query.From!.Value, to = query.To!.Value;
        var county = catalog.Reference.AreaFilter(query.County);
        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => o.EstablishedOn != null && o.EstablishedOn <= to && (o.DissolvedOn == null || o.DissolvedOn >= from) && o.Kind != "work-committee")
            .Where(o => county == null || o.CountyCode == county)
            .Where(o => query.Organization == null || o.Id == query.Organization)
            .OrderBy(o => o.CountyCode).ThenBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.Kind, o.FormationMode, o.CountyCode, EstablishedOn = o.EstablishedOn!.Value, o.DissolvedOn })
            .ToListAsync(ct);
        if (query.Organization is { } asked && organizations.Count == 0 && !await db.Organizations.AnyAsync(o => o.Id == asked, ct))
            throw new NotFoundException("party organization", asked.ToString());
        var ids = organizations.Select(o => o.Id).ToList();
        var terms = (await db.OrganizationTerms.AsNoTracking().Where(t => ids.Contains(t.OrganizationId))
                .Select(t => new { t.OrganizationId, t.ElectedOn, t.SecretaryId }).ToListAsync(ct))
            .ToLookup(t => t.OrganizationId);
        // Summed here, not in SQL: SQLite cannot sum decimals; the rows are the period's payments of these organizations only.
        var paid = (await db.FundsPayments.AsNoTracking().Where(p => ids.Contains(p.OrganizationId) && p.PaidOn >= from && p.PaidOn <= to)
                .Select(p => new { p.OrganizationId, p.Amount }).ToListAsync(ct))
            .GroupBy(p => p.OrganizationId).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));

        var lines = organizations.Select(o =>
        {
            var policy = catalog.Funds.For(o.CountyCode);
            // A secretary is in office from the election that chose them to the next election.
            var elections = terms[o.Id].OrderBy(t => t.ElectedOn).ToList();
            var secretaries = elections.Select((t, i) => (t.SecretaryId, Period: new SecretaryPeriod(t.ElectedOn, i + 1 < elections.Count ? elections[i + 1].ElectedOn : o.DissolvedOn)))
                .Where(s => s.SecretaryId is not null).Select(s => s.Period).ToList();
            var due = policy is null
                ? new Dictionary<string, decimal>()
                : FundsCalculator.Due(policy, new FundedOrganization(o.Kind, o.FormationMode, o.EstablishedOn, o.DissolvedOn, secretaries), from, to);
            var total = due.Values.Sum();
            var paidTotal = paid.GetValueOrDefault(o.Id);
            return new LedgerLine(o.Id, o.Name, o.Kind, o.FormationMode, o.CountyCode, o.EstablishedOn, o.DissolvedOn, policy?.Jurisdiction, due, total, paidTotal, total - paidTotal);
        }).ToList();
        return new FundsLedger(from, to, lines,
            lines.GroupBy(l => l.CountyCode ?? "").OrderBy(g => g.Key).Select(g => Sum(g.Key, g)).ToList(),
            Sum("total", lines));
    }

    private static LedgerTotal Sum(string key, IEnumerable<LedgerLine> lines)
    {
        var list = lines.ToList();
        return new LedgerTotal(key, list.Sum(l => l.Due), list.Sum(l => l.Paid), list.Sum(l => l.Outstanding));
    }
}
