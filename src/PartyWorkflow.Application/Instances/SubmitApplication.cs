using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Registry;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;
using System.Text.Json.Nodes;

namespace PartyWorkflow.Application.Instances;

/// <summary>Step 1, <c>submit-application</c>: registers the applicant (or finds them) and starts a process.</summary>
public sealed record SubmitApplication(ActionBody Body, string? IdempotencyKey) : ICommand<InstanceView>, IIdempotent
{
    // Keys are the client's own: two instructors may both send "1".
    public string IdempotencyScope => $"POST /api/applications by {Body.ActorId}";
}

public sealed class SubmitApplicationHandler(
    PartyWorkflowDbContext db, WorkflowCatalog catalog, WorkflowEngine engine, RegistryLoader registry,
    ActionRecorder recorder, InstanceViewBuilder views, JurisdictionResolver jurisdictions, Clock clock)
    : ICommandHandler<SubmitApplication, InstanceView>
{
    public const string DefinitionId = "member-development";

    public async ValueTask<InstanceView> Handle(SubmitApplication command, CancellationToken ct)
    {
        var definition = catalog.LatestPublished(DefinitionId) ?? throw new NotFoundException("definition", DefinitionId);
        var facts = command.Body.Facts;
        var jurisdiction = FactReader.Id(facts, "branchId") is { } branchId ? await jurisdictions.ResolveAsync(branchId, ct) : null;
        var overlay = catalog.LatestOverlay(jurisdiction, definition.DefinitionId);
        var workflow = catalog.Find(definition.DefinitionId, definition.Version, overlay?.JurisdictionId, overlay?.Version)!;
        var step = workflow.Sequence[0];
        var personFacts = facts["person"] as JsonObject;
        if (ContactDetails.Check("person.email", FactReader.Text(personFacts, "email")).ToList() is [_, ..] emailProblems)
            throw new InvalidInputException(emailProblems.ToDictionary(p => p.Field, p => new[] { p.Message }));
        var citizenId = CitizenId.Normalize(FactReader.Text(personFacts, "citizenId") ?? "");

        var existing = citizenId.Length == 0 ? null : await db.People.FirstOrDefaultAsync(p => p.CitizenId == citizenId, ct);
        var applicant = existing is null ? null : new ApplicantStatus(existing.Id, existing.Membership,
            await db.Instances.AnyAsync(i => i.PersonId == existing.Id && i.IsOpen, ct));
        var snapshot = await registry.LoadAsync(step, facts, command.Body.ActorId, applicant, ct);

        var accepted = engine.Decide(workflow, InstanceSnapshot.New, new ActionRequest
        {
            ActionId = step.Id,
            Facts = facts,
            ActorId = command.Body.ActorId,
            ActorRole = command.Body.ActorRole,
            Today = clock.Today,
            Registry = snapshot,
        }).Accept();

        var person = existing ?? db.People.Add(new Person
        {
            Id = Guid.CreateVersion7(),
            Name = "",
            Gender = "",
            CitizenId = citizenId,
            CreatedAt = clock.Now,
        }).Entity;
        CopyPersonFacts(personFacts!, person);
        // The person's details live on their row; the process and its history refer to them by id.
        accepted.RecordedFacts["personId"] = person.Id.ToString();

        var row = new WorkflowInstance
        {
            Id = Guid.CreateVersion7(),
            DefinitionId = workflow.Definition.DefinitionId,
            DefinitionVersion = workflow.Definition.Version,
            JurisdictionId = overlay?.JurisdictionId,
            OverlayVersion = overlay?.Version,
            PersonId = person.Id,
            BranchId = accepted.Branch!.Value,
            State = CompiledWorkflow.NewState,
            CreatedAt = clock.Now,
        };
        db.Instances.Add(row);
        await recorder.RecordAsync(workflow, row, InstanceSnapshot.New with { PersonId = person.Id }, accepted, command.Body.ActorId, isNew: true, ct);

        var view = views.Build(row, person.Name, db.History.Local.Where(h => h.InstanceId == row.Id), db.Deadlines.Local.Where(d => d.InstanceId == row.Id && d.IsOpen))
            with { Warnings = accepted.Warnings.Select(RuleMessageView.From).ToList() };
        await db.SaveChangesAsync(ct);
        return view;
    }

    private static void CopyPersonFacts(JsonObject facts, Person person)
    {
        person.Name = FactReader.Text(facts, "name")!.Trim();
        person.Gender = FactReader.Text(facts, "gender")!;
        person.Ethnicity = FactReader.Text(facts, "ethnicity") ?? person.Ethnicity;
        person.Phone = FactReader.Text(facts, "phone") ?? person.Phone;
        person.Email = FactReader.Text(facts, "email") ?? person.Email;
        person.Education = FactReader.Text(facts, "education") ?? person.Education;
        person.OccupationCategory = FactReader.Text(facts, "occupationCategory") ?? person.OccupationCategory;
    }
}
