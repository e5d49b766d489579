using System.Text.Json.Serialization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Registry;

/// <summary>Registers an existing member (full or probationary) of a branch.</summary>
public sealed record CreateMember(
    string? Name, string? Gender, string? Ethnicity, string? CitizenId, string? Phone, string? Email,
    Guid? BranchId, string? Membership, bool? HasVotingRights, DateOnly? ProbationStart, DateOnly? FullMembershipDate,
    bool? OnDisciplinaryProbation = null, string? PartyGroup = null, Guid? UnitId = null)
    : ICommand<MemberView>, IValidate, IIdempotent
{
    /// <summary>From the <c>Idempotency-Key</c> header, not the body.</summary>
    [JsonIgnore]
    public string? IdempotencyKey { get; init; }

    [JsonIgnore]
    public string IdempotencyScope => "POST /api/members";

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name)) yield return ("name", "is required");
        else if (Name.Length > 100) yield return ("name", "must be at most 100 characters");
        if (Gender is not ("male" or "female")) yield return ("gender", "must be one of: male, female");
        if (string.IsNullOrWhiteSpace(CitizenId)) yield return ("citizenId", "is required");
        if (BranchId is null) yield return ("branchId", "is required");
        if (Membership is not ("full" or "probationary")) yield return ("membership", "must be one of: full, probationary");
        foreach (var problem in ContactDetails.Check("email", Email)
                     .Concat(ContactDetails.MaxLength("phone", Phone, 32))
                     .Concat(ContactDetails.MaxLength("ethnicity", Ethnicity, 50))
                     .Concat(ContactDetails.MaxLength("partyGroup", PartyGroup, 100)))
            yield return problem;
    }
}

public sealed class CreateMemberHandler(PartyWorkflowDbContext db, ProbationLength probation, Clock clock, Privacy.PersonalData personalData) : ICommandHandler<CreateMember, MemberView>
{
    public async ValueTask<MemberView> Handle(CreateMember command, CancellationToken ct)
    {
        var unmet = new List<RuleMessage>();
        if (CitizenId.Problem(command.CitizenId, out _) is { } problem)
            unmet.Add(new RuleMessage("citizen-id-valid", new LocalizedText(problem.Zh, problem.En)));
        var branch = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == command.BranchId && !OrganizationView.AboveBranches.Contains(o.Kind), ct);
        if (branch is null)
            unmet.Add(new RuleMessage("organization-exists", new LocalizedText($"branchId：找不到编号为 {command.BranchId} 的党支部", $"branchId: no branch with id {command.BranchId}")));
        if (command.HasVotingRights == true && (command.Membership != "full" || command.OnDisciplinaryProbation == true))
            unmet.Add(VotingRights.Unmet);
        foreach (var (field, date) in new[] { ("probationStart", command.ProbationStart), ("fullMembershipDate", command.FullMembershipDate) })
            if (date > clock.Today)
                unmet.Add(new RuleMessage("date-order", new LocalizedText($"{field}：日期不能晚于今天", $"{field}: the date cannot be after today")));
        if (command.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId, ct))
            unmet.Add(new RuleMessage("unit-exists", new LocalizedText($"unitId：找不到编号为 {unitId} 的单位", $"unitId: no unit with id {unitId}")));
        if (unmet.Count > 0) throw new RuleRefusalException(unmet);

        var citizenId = CitizenId.Normalize(command.CitizenId!);
        // Someone known from an earlier application (withdrawn, say) is registered on the same row.
        var hash = personalData.HashCitizenId(citizenId);
        var person = await db.People.FirstOrDefaultAsync(p => p.CitizenIdHash == hash, ct);
        if (person is { Membership: not "none" })
            throw new ConflictException("a member with this citizen ID is already registered");
        if (person is not null && await db.Instances.AnyAsync(i => i.SubjectKind == "person" && i.SubjectId == person.Id && i.IsOpen, ct))
            throw new ConflictException("this person has an open application; membership comes through it");
        if (person is null)
        {
            person = db.People.Add(new Person { Id = Guid.CreateVersion7(), Name = "", Gender = "", CreatedAt = clock.Now }).Entity;
            personalData.SetCitizenId(person, citizenId);
        }

        person.Name = command.Name!.Trim();
        person.Gender = command.Gender!;
        person.Ethnicity = command.Ethnicity ?? person.Ethnicity;
        if (command.Phone is { Length: > 0 } phone) personalData.SetPhone(person, phone);
        person.Email = command.Email ?? person.Email;
        person.Membership = command.Membership!;
        person.BranchId = command.BranchId;
        person.UnitId = command.UnitId ?? person.UnitId;
        person.HasVotingRights = command.HasVotingRights ?? (command.Membership == "full" && command.OnDisciplinaryProbation != true);
        person.OnDisciplinaryProbation = command.OnDisciplinaryProbation ?? false;
        person.PartyGroup = command.PartyGroup;
        person.ProbationStart = command.ProbationStart;
        person.ProbationEnd = command.ProbationStart?.AddMonths(await probation.MonthsAsync(branch!.Id, ct));
        person.FullMembershipDate = command.FullMembershipDate;
        await db.SaveChangesAsync(ct);
        return MemberView.From(person);
    }
}
