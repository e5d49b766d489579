using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Units;

/// <summary>
/// The work committee's decision on an organization flagged as no longer fitting the size rules:
/// <c>keep</c> (the flags of <c>ruleIds</c> no longer show from the date), <c>merge</c> into another
/// organization (it covers the units and takes the members from the date; this one is dissolved),
/// <c>party-group</c> (the same, its members becoming a party group of the other), or <c>dissolve</c>.
/// One transaction; the decision is kept as a record.
/// </summary>
public sealed record AdjustOrganization(Guid OrganizationId, DateOnly? Date, string? Decision, string? Reason, IReadOnlyList<string>? RuleIds = null, Guid? IntoId = null)
    : ICommand<AdjustmentView>, IValidate
{
    public static readonly string[] Decisions = ["keep", "merge", "party-group", "dissolve"];
    public static readonly string[] SizeRuleIds = ["standalone-min-3-full-members", "joint-2-to-5-units", "joint-only-below-3", "joint-min-3-full-members", "kind-fits-size"];

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (Date is null) yield return ("date", "is required / 必填");
        else if (Date is { Year: < 1921 or > 2100 }) yield return ("date", "must be a date between 1921 and 2100");
        if (Decision is null) yield return ("decision", "is required / 必填");
        else if (!Decisions.Contains(Decision)) yield return ("decision", $"must be one of: {string.Join(", ", Decisions)}");
        if (string.IsNullOrWhiteSpace(Reason)) yield return ("reason", "is required: why / 必填：理由");
        foreach (var problem in ContactDetails.MaxLength("reason", Reason, 2000)) yield return problem;
        if (Decision == "keep" && (RuleIds is null || RuleIds.Count == 0)) yield return ("ruleIds", "name the flags kept / 请写明保留的规则");
        if (RuleIds?.FirstOrDefault(r => !SizeRuleIds.Contains(r)) is { } unknown) yield return ("ruleIds", $"'{unknown}' is not a size rule; one of: {string.Join(", ", SizeRuleIds)}");
        if (Decision is "merge" or "party-group" && IntoId is null) yield return ("intoId", "is required: the organization that takes the units and members in / 必填");
        if (IntoId is not null && IntoId == OrganizationId) yield return ("intoId", "must be another organization / 应为另一党组织");
    }
}

public sealed record AdjustmentView(Guid Id, Guid OrganizationId, DateOnly On, string Decision, IReadOnlyList<string> RuleIds, string Reason, Guid? IntoId, int CoverageMoved, int MembersMoved);

public sealed class AdjustOrganizationHandler(PartyWorkflowDbContext db, DissolveOrganizationHandler dissolutions, Clock clock) : ICommandHandler<AdjustOrganization, AdjustmentView>
{
    public async ValueTask<AdjustmentView> Handle(AdjustOrganization command, CancellationToken ct)
    {
        var date = command.Date!.Value;
        if (date > clock.Today) throw InvalidInputException.For("date", "a decision is recorded once taken: not after today / 不能晚于今天");
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == command.OrganizationId, ct)
                           ?? throw new NotFoundException("party organization", command.OrganizationId.ToString());
        if (organization.Kind == "work-committee") throw InvalidInputException.For("organizationId", "a work committee is not adjusted / 两新工委不适用");
        int moved = 0, members = 0;
        if (command.Decision is "merge" or "party-group")
        {
            var into = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == command.IntoId, ct);
            if (into is null or { Kind: "work-committee" } || into.DissolvedOn is { } gone && gone <= date)
                throw RuleRefusalException.For("adjustment-target", "intoId：应为在册、未撤销的党组织", "intoId: the organization taking them in is on record and not dissolved");
            var covering = await db.UnitCoverage.AsNoTracking().Where(c => c.OrganizationId == organization.Id && c.From <= date && (c.To == null || c.To > date)).ToListAsync(ct);
            var already = await db.UnitCoverage.CountAsync(c => c.OrganizationId == into.Id && c.From <= date && (c.To == null || c.To > date), ct);
            // A party group's units are covered by the organization it joins, as affiliated; merged ones jointly.
            var mode = command.Decision == "party-group" ? "affiliated" : covering.Count + already > 1 ? "joint" : "standalone";
            await dissolutions.Handle(new DissolveOrganization(organization.Id, date, command.Reason), ct);
            foreach (var c in covering)
                db.UnitCoverage.Add(new UnitCoverage { Id = Guid.CreateVersion7(), UnitId = c.UnitId, OrganizationId = into.Id, Mode = mode, From = date, CreatedAt = clock.Now });
            moved = covering.Count;
            foreach (var person in await db.People.Where(p => p.BranchId == organization.Id && p.Membership != "none").ToListAsync(ct))
            {
                person.BranchId = into.Id;
                if (command.Decision == "party-group") person.PartyGroup = organization.Name.Length > 60 ? organization.Name[..60] : organization.Name;
                person.Version += 1;
                members++;
            }
        }
        else if (command.Decision == "dissolve")
            moved = (await dissolutions.Handle(new DissolveOrganization(organization.Id, date, command.Reason), ct)).CoverageEnded;
        var adjustment = new OrganizationAdjustment
        {
            Id = Guid.CreateVersion7(), OrganizationId = organization.Id, On = date, Decision = command.Decision!, Reason = command.Reason!.Trim(),
            RuleIds = string.Join(',', command.RuleIds ?? []), IntoId = command.IntoId, RecordedAt = clock.Now,
        };
        db.OrganizationAdjustments.Add(adjustment);
        return new AdjustmentView(adjustment.Id, organization.Id, date, adjustment.Decision, command.RuleIds ?? [], adjustment.Reason, command.IntoId, moved, members);
    }
}
