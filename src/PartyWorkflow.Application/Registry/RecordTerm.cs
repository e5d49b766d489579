using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Registry;

/// <summary>
/// Records an election of an organization on record (its term): the date, the length (3 years for
/// a branch or general branch, 5 for a party committee, unless given), the secretary, the deputy
/// and the committee members, all registered people. A temporary (functional) organization has no
/// term: its secretary is appointed.
/// </summary>
public sealed record RecordTerm(Guid OrganizationId, DateOnly? ElectedOn, int? Years, Guid? SecretaryId, Guid? DeputySecretaryId, IReadOnlyList<Guid>? CommitteeMemberIds)
    : ICommand<TermView>, IValidate
{
    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (ElectedOn is null) yield return ("electedOn", "is required / 必填");
        else if (ElectedOn is { Year: < 1921 or > 2100 }) yield return ("electedOn", "must be a date between 1921 and 2100");
        if (Years is < 1 or > 5) yield return ("years", "must be 1 to 5 / 应为 1 到 5 年");
        if (CommitteeMemberIds is { Count: > 7 }) yield return ("committeeMemberIds", "a committee has at most 7 members / 委员最多 7 名");
        else if (CommitteeMemberIds is { } ids && ids.Distinct().Count() != ids.Count) yield return ("committeeMemberIds", "names a person twice / 人员重复");
    }
}

public sealed record TermView(Guid Id, Guid OrganizationId, DateOnly ElectedOn, int Years, DateOnly EndsOn, Guid? SecretaryId, Guid? DeputySecretaryId, IReadOnlyList<Guid> CommitteeMemberIds)
{
    public static TermView Of(OrganizationTerm t) => new(t.Id, t.OrganizationId, t.ElectedOn, t.Years, t.EndsOn, t.SecretaryId, t.DeputySecretaryId,
        t.CommitteeMemberIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList());
}

public sealed class RecordTermHandler(PartyWorkflowDbContext db, Clock clock, TermsOnRecord terms) : ICommandHandler<RecordTerm, TermView>
{
    public async ValueTask<TermView> Handle(RecordTerm command, CancellationToken ct)
    {
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == command.OrganizationId, ct)
                           ?? throw new NotFoundException("party organization", command.OrganizationId.ToString());
        if (organization.Kind == "work-committee" || organization.FormationMode == "functional")
            throw RuleRefusalException.For("term-elected-organizations-only", "两新工委和临时（功能型）党组织没有选举产生的任期",
                "a work committee or a temporary (functional) organization has no elected term");
        var people = new[] { command.SecretaryId, command.DeputySecretaryId }.OfType<Guid>().Concat(command.CommitteeMemberIds ?? []).Distinct().ToList();
        var known = await db.People.Where(p => people.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        var unmet = people.Except(known).Select(id => new RuleMessage("person-exists", new LocalizedText($"找不到编号为 {id} 的人员", $"no person with id {id}"))).ToList();
        if (command.SecretaryId is { } secretary && command.SecretaryId == command.DeputySecretaryId)
            unmet.Add(new RuleMessage("secretary-not-deputy", new LocalizedText("书记和副书记不能是同一人", "the secretary and the deputy cannot be the same person")));
        if (unmet.Count > 0) throw new RuleRefusalException(unmet);
        var electedOn = command.ElectedOn!.Value;
        if (await db.OrganizationTerms.AnyAsync(t => t.OrganizationId == organization.Id && t.ElectedOn == electedOn, ct))
            throw new ConflictException($"an election on {electedOn:yyyy-MM-dd} is already recorded / 该日期的选举已登记");

        var years = command.Years ?? ElectedTerm.YearsFor(organization.Kind);
        var term = new OrganizationTerm
        {
            Id = Guid.CreateVersion7(), OrganizationId = organization.Id, ElectedOn = electedOn, Years = years, EndsOn = electedOn.AddYears(years),
            SecretaryId = command.SecretaryId, DeputySecretaryId = command.DeputySecretaryId,
            CommitteeMemberIds = string.Join(',', command.CommitteeMemberIds ?? []), CreatedAt = clock.Now,
        };
        db.OrganizationTerms.Add(ElectedTerm.Record(organization, term, out var latest));
        // The latest term's end is reminded of; an earlier term entered for the record is history.
        if (latest) await terms.OpenAsync(organization, term.EndsOn, ct);
        return TermView.Of(term);
    }
}
