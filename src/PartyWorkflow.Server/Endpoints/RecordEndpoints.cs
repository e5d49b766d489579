using PartyWorkflow.Server.Http;
using PartyWorkflow.Application.Access;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using PartyWorkflow.Application.Records;

namespace PartyWorkflow.Server.Endpoints;

/// <summary>Records on organizations and members: plaques, the welcome package, the seed's simple records and training classes.</summary>
public static class RecordEndpoints
{
    public sealed record PlaqueBody(DateOnly? HungOn, string? Kind = null, Guid? UnitId = null, string? Location = null);
    public sealed record DeliveryBody(DateOnly? DeliveredOn, string? Notes = null);
    public sealed record AttendanceBody(IReadOnlyList<Guid>? PersonIds);

    public static void MapRecordEndpoints(this IEndpointRouteBuilder app)
    {
        var organizations = app.MapGroup("/api/party-organizations").WithTags("Records");
        organizations.MapPost("/{id:guid}/plaques", async (Guid id, PlaqueBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/party-organizations/{id}/records", await mediator.Send(new RecordPlaque(id, body.UnitId, body.Kind, body.HungOn, body.Location), ct)))
            .WithSummary("The plaque hung (党员活动室挂牌): fixed where the unit has fixed premises, else mobile (plaque-fits-premises)").OnOrganization(Scoped.RegistryKeepers);
        organizations.MapPut("/{id:guid}/welcome-package/{item}", async (Guid id, string item, DeliveryBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new DeliverWelcomeItem(id, item, body.DeliveredOn, body.Notes), ct)))
            .WithSummary("An item of the welcome package (四送四赠) delivered: party-flag, plaque, seal, materials; badge, constitution, pen, notebook").OnOrganization(Scoped.RegistryKeepers);
        organizations.MapGet("/{id:guid}/records", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetOrganizationRecords(id), ct)))
            .WithSummary("The organization's plaque, welcome-package checklist and latest records").OnOrganization(Scoped.AnyRole);

        var records = app.MapGroup("/api/records").WithTags("Records");
        records.MapPost("/", async (AddRecord command, [FromHeader(Name = "Idempotency-Key")] string? key, IMediator mediator, CancellationToken ct) =>
        {
            var created = await mediator.Send(command with { IdempotencyKey = key }, ct);
            return TypedResults.Created(created.PersonId is { } person ? $"/api/records?person={person}" : $"/api/records?organization={created.OrganizationId}", created);
        }).WithSummary("A hardship visit, a commendation or a delegate nomination, on a date that has passed").OnOrganization<AddRecord>(Scoped.RegistryKeepers, r => r.OrganizationId).OnPerson<AddRecord>(Scoped.RegistryKeepers, r => r.PersonId);
        records.MapGet("/", async (string? kind, Guid? organization, Guid? person, DateOnly? from, DateOnly? to, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListRecords(kind, organization, person, from, to, page ?? 1, pageSize ?? 50), ct)))
            .WithSummary("Records newest first, a page at a time: by kind, organization, member and period").ByOrganizationOrPerson(Scoped.AnyRole);

        var training = app.MapGroup("/api/training-classes").WithTags("Records");
        training.MapPost("/", async (CreateTrainingClass command, [FromHeader(Name = "Idempotency-Key")] string? key, IMediator mediator, CancellationToken ct) =>
        {
            var created = await mediator.Send(command with { IdempotencyKey = key }, ct);
            return TypedResults.Created($"/api/training-classes/{created.Id}", created);
        }).WithSummary("A training class for activists, development targets, secretaries or party workers, with its days and class hours").OnOrganization<CreateTrainingClass>(Scoped.ReportReaders, c => c.OrganizerId);
        training.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetTrainingClass(id), ct)))
            .WithSummary("A training class and who attended it").OnTrainingClass(Scoped.AnyRole);
        training.MapPost("/{id:guid}/attendance", async (Guid id, AttendanceBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RecordAttendance(id, body.PersonIds), ct)))
            .WithSummary("Who attended, once the class has ended; an activists' class counts towards training-3-days-or-24-hours").OnTrainingClass(Scoped.ReportReaders);
    }
}
