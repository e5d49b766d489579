using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Units;

/// <summary>
/// Dissolves an organization (撤销): its coverage of every unit ends on the date, its record stays,
/// and reports for earlier dates still count it.
/// </summary>
public sealed record DissolveOrganization(Guid OrganizationId, DateOnly? Date, string? Reason) : ICommand<DissolvedView>, IValidate
{
    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (Date is null) yield return ("date", "is required / 必填");
        else if (Date is { Year: < 1921 or > 2100 }) yield return ("date", "must be a date between 1921 and 2100");
        if (string.IsNullOrWhiteSpace(Reason)) yield return ("reason", "is required / 必填");
        else if (Reason.Length > 500) yield return ("reason", "must be at most 500 characters");
    }
}

public sealed record DissolvedView(Guid OrganizationId, DateOnly DissolvedOn, int CoverageEnded);

public sealed class DissolveOrganizationHandler(PartyWorkflowDbContext db) : ICommandHandler<DissolveOrganization, DissolvedView>
{
    public async ValueTask<DissolvedView> Handle(DissolveOrganization command, CancellationToken ct)
    {
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == command.OrganizationId, ct)
                           ?? throw new NotFoundException("party organization", command.OrganizationId.ToString());
        var date = command.Date!.Value;
        if (organization.DissolvedOn is { } already)
            throw new ConflictException($"the organization was already dissolved on {already:yyyy-MM-dd} / 该党组织已于 {already:yyyy-MM-dd} 撤销");
        if (organization.EstablishedOn is { } established && date < established)
            throw new RuleRefusalException([new RuleMessage("date-order", new LocalizedText("date：撤销日期不能早于成立日期", "date: an organization cannot be dissolved before it was established"), Fields: ["date"])]);
        var open = await db.UnitCoverage.Where(c => c.OrganizationId == organization.Id && (c.To == null || c.To > date)).ToListAsync(ct);
        if (open.Any(c => c.From > date))
            throw new RuleRefusalException([new RuleMessage("date-order", new LocalizedText("date：撤销日期早于该党组织对某单位的覆盖起始日期", "date: before the organization began to cover one of its units"), Fields: ["date"])]);
        foreach (var coverage in open) coverage.To = date;
        organization.DissolvedOn = date;
        organization.Version += 1;
        return new DissolvedView(organization.Id, date, open.Count);
    }
}
