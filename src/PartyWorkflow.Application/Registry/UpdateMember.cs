using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Registry;

/// <summary>The fields of a member the registry may change; membership itself changes only through the workflow.</summary>
public sealed record MemberChanges(
    string? Name, string? Email, string? Phone, Guid? BranchId, bool? HasVotingRights, bool? OnDisciplinaryProbation, string? PartyGroup, Guid? UnitId = null);

/// <summary><c>PATCH</c> changes the fields given; <c>PUT</c> (<see cref="Replace"/>) sets them all, absent ones to empty.</summary>
/// <param name="By">Who changes it (rights need a role above the record: <see cref="Access.RightsChanges"/>); null in-process.</param>
public sealed record UpdateMember(Guid Id, MemberChanges Changes, bool Replace, Access.Actor? By = null) : ICommand<MemberView>, IValidate
{
    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (Changes.Name is { } name && (string.IsNullOrWhiteSpace(name) || name.Length > 100)) yield return ("name", "must be 1 to 100 characters");
        foreach (var problem in ContactDetails.Check("email", Changes.Email)
                     .Concat(ContactDetails.MaxLength("phone", Changes.Phone, 32))
                     .Concat(ContactDetails.MaxLength("partyGroup", Changes.PartyGroup, 100)))
            yield return problem;
        if (!Replace) yield break;
        if (Changes.Name is null) yield return ("name", "is required");
        if (Changes.BranchId is null) yield return ("branchId", "is required");
        if (Changes.HasVotingRights is null) yield return ("hasVotingRights", "is required");
        if (Changes.OnDisciplinaryProbation is null) yield return ("onDisciplinaryProbation", "is required");
    }
}

public sealed class UpdateMemberHandler(PartyWorkflowDbContext db, Privacy.PersonalData personalData) : ICommandHandler<UpdateMember, MemberView>
{
    public async ValueTask<MemberView> Handle(UpdateMember command, CancellationToken ct)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == command.Id && p.Membership != "none", ct)
                     ?? throw new NotFoundException("member", command.Id.ToString());
        var c = command.Changes;
        if ((c.HasVotingRights is { } vote && vote != person.HasVotingRights) || (c.OnDisciplinaryProbation is { } probation && probation != person.OnDisciplinaryProbation))
            await Access.RightsChanges.RequireAsync(db, command.By, person.BranchId, strictlyAbove: false, ct);
        if (c.BranchId is { } branchId && !await db.Organizations.AnyAsync(o => o.Id == branchId && !OrganizationView.AboveBranches.Contains(o.Kind), ct))
            throw RuleRefusalException.For("organization-exists", $"branchId：找不到编号为 {branchId} 的党支部", $"branchId: no branch with id {branchId}");

        person.Name = c.Name?.Trim() ?? person.Name;
        person.BranchId = c.BranchId ?? person.BranchId;
        if (c.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId, ct))
            throw RuleRefusalException.For("unit-exists", $"unitId：找不到编号为 {unitId} 的单位", $"unitId: no unit with id {unitId}");
        person.UnitId = command.Replace ? c.UnitId : c.UnitId ?? person.UnitId;
        person.Email = command.Replace ? c.Email : c.Email ?? person.Email;
        var phone = command.Replace ? c.Phone : c.Phone ?? personalData.PhoneOf(person);
        // Sealed again only when it changed: sealing twice never gives the same text, and a no-op is no new version.
        if (phone != personalData.PhoneOf(person)) personalData.SetPhone(person, phone);
        person.PartyGroup = command.Replace ? c.PartyGroup : c.PartyGroup ?? person.PartyGroup;
        person.OnDisciplinaryProbation = c.OnDisciplinaryProbation ?? person.OnDisciplinaryProbation;
        // Coming under 留党察看 takes the vote away unless the request says otherwise (and then it is refused).
        person.HasVotingRights = c.HasVotingRights ?? (person.HasVotingRights && !person.OnDisciplinaryProbation);
        if (person.HasVotingRights && (person.Membership != "full" || person.OnDisciplinaryProbation)) throw VotingRights.Refusal();
        // A change that changes nothing is no new version: a client's ETag stays valid.
        if (db.ChangeTracker.HasChanges()) person.Version += 1;
        // Lists and reminders show the name instances recorded; a corrected name reaches them too.
        foreach (var instance in await db.Instances.Where(i => i.SubjectKind == "person" && i.SubjectId == person.Id && i.SubjectName != person.Name).ToListAsync(ct))
            instance.SubjectName = person.Name;
        await db.SaveChangesAsync(ct);
        return MemberView.From(person);
    }
}
