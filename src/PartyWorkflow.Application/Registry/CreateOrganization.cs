using System.Text.Json.Serialization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Registry;

public sealed record CreateOrganization(string? Name, string? Kind, Guid? ParentId, bool? HasApprovalAuthority, string? Email, string? Jurisdiction = null,
    string? CountyCode = null, string? FormationMode = null, DateOnly? EstablishedOn = null)
    : ICommand<OrganizationView>, IValidate, IIdempotent
{
    /// <summary>From the <c>Idempotency-Key</c> header, not the body.</summary>
    [JsonIgnore]
    public string? IdempotencyKey { get; init; }

    [JsonIgnore]
    public string IdempotencyScope => "POST /api/party-organizations";

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name)) yield return ("name", "is required");
        else if (Name.Length > 200) yield return ("name", "must be at most 200 characters");
        if (Kind is null) yield return ("kind", "is required");
        else if (!OrganizationView.Kinds.Contains(Kind)) yield return ("kind", $"must be one of: {string.Join(", ", OrganizationView.Kinds)}");
        foreach (var problem in ContactDetails.Check("email", Email).Concat(ContactDetails.MaxLength("jurisdiction", Jurisdiction, 100))
                     .Concat(OrganizationView.CheckFields(CountyCode, FormationMode, EstablishedOn)))
            yield return problem;
        if (Kind == "work-committee" && string.IsNullOrWhiteSpace(CountyCode)) yield return ("countyCode", "a work committee names its area / 两新工委应填写所辖县（市）代码");
    }
}

public sealed class CreateOrganizationHandler(PartyWorkflowDbContext db, Clock clock, OrganizationChecks checks) : ICommandHandler<CreateOrganization, OrganizationView>
{
    public async ValueTask<OrganizationView> Handle(CreateOrganization command, CancellationToken ct)
    {
        if (command.HasApprovalAuthority == true && command.Kind != "party-committee")
            throw RuleRefusalException.For("approval-authority-committee-only",
                "只有党委可以拥有审批权限，党总支和党支部不能", "only a party committee can have approval authority, never a general branch or branch");
        await checks.RefuseAsync(command.Kind!, command.ParentId, command.CountyCode, ct);

        var organization = db.Organizations.Add(new Organization
        {
            Id = Guid.CreateVersion7(),
            Name = command.Name!.Trim(),
            Kind = command.Kind!,
            ParentId = command.ParentId,
            HasApprovalAuthority = command.HasApprovalAuthority ?? false,
            Email = command.Email,
            Jurisdiction = string.IsNullOrWhiteSpace(command.Jurisdiction) ? null : command.Jurisdiction.Trim(),
            CountyCode = string.IsNullOrWhiteSpace(command.CountyCode) ? null : command.CountyCode.Trim(),
            FormationMode = command.FormationMode,
            EstablishedOn = command.EstablishedOn,
            CreatedAt = clock.Now,
        }).Entity;
        await db.SaveChangesAsync(ct);
        return OrganizationView.From(organization);
    }
}
