using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Registry;

/// <summary>Registers an existing member (full or probationary) of a branch.</summary>
public sealed record CreateMember(
    string? Name, string? Gender, string? Ethnicity, string? CitizenId, string? Phone, string? Email,
    Guid? BranchId, string? Membership, bool? HasVotingRights, DateOnly? ProbationStart, DateOnly? FullMembershipDate,
    bool? OnDisciplinaryProbation = null, string? PartyGroup = null)
    : ICommand<MemberView>, IValidate
{
    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name)) yield return ("name", "is required");
        else if (Name.Length > 100) yield return ("name", "must be at most 100 characters");
        if (Gender is not ("male" or "female")) yield return ("gender", "must be one of: male, female");
        if (string.IsNullOrWhiteSpace(CitizenId)) yield return ("citizenId", "is required");
        if (BranchId is null) yield return ("branchId", "is required");
        if (Membership is not ("full" or "probationary")) yield return ("membership", "must be one of: full, probationary");
    }
}

public sealed class CreateMemberHandler(PartyWorkflowDbContext db, Clock clock) : ICommandHandler<CreateMember, MemberView>
{
    public async ValueTask<MemberView> Handle(CreateMember command, CancellationToken ct)
    {
        var unmet = new List<RuleRefusalException>();
        if (CitizenId.Problem(command.CitizenId, out _) is { } problem)
            unmet.Add(RuleRefusalException.For("citizen-id-valid", problem.Zh, problem.En));
        var branch = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == command.BranchId, ct);
        if (branch is null)
            unmet.Add(RuleRefusalException.For("organization-exists", $"branchId：找不到编号为 {command.BranchId} 的党组织", $"branchId: no party organization with id {command.BranchId}"));
        if (command.HasVotingRights == true && (command.Membership != "full" || command.OnDisciplinaryProbation == true))
            unmet.Add(VotingRights.Refusal());
        if (unmet.Count > 0) throw new RuleRefusalException(unmet.SelectMany(u => u.UnmetRules).ToList());

        var citizenId = CitizenId.Normalize(command.CitizenId!);
        if (await db.People.AnyAsync(p => p.CitizenId == citizenId, ct))
            throw new ConflictException("a person with this citizen ID is already registered");

        var person = db.People.Add(new Person
        {
            Id = Guid.CreateVersion7(),
            Name = command.Name!.Trim(),
            Gender = command.Gender!,
            Ethnicity = command.Ethnicity,
            CitizenId = citizenId,
            Phone = command.Phone,
            Email = command.Email,
            Membership = command.Membership!,
            BranchId = command.BranchId,
            HasVotingRights = command.HasVotingRights ?? (command.Membership == "full" && command.OnDisciplinaryProbation != true),
            OnDisciplinaryProbation = command.OnDisciplinaryProbation ?? false,
            PartyGroup = command.PartyGroup,
            ProbationStart = command.ProbationStart,
            ProbationEnd = command.ProbationStart?.AddMonths(12),
            FullMembershipDate = command.FullMembershipDate,
            CreatedAt = clock.Now,
        }).Entity;
        await db.SaveChangesAsync(ct);
        return MemberView.From(person);
    }
}
