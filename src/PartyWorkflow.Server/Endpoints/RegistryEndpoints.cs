using PartyWorkflow.Application.Access;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using PartyWorkflow.Application.Registry;

using PartyWorkflow.Server.Http;

namespace PartyWorkflow.Server.Endpoints;

public static class RegistryEndpoints
{
    public static void MapRegistryEndpoints(this IEndpointRouteBuilder app)
    {
        var organizations = app.MapGroup("/api/party-organizations").WithTags("Registry");
        organizations.MapPost("/", async (CreateOrganization command, [FromHeader(Name = "Idempotency-Key")] string? key, IMediator mediator, CancellationToken ct) =>
        {
            var created = await mediator.Send(command with { IdempotencyKey = key }, ct);
            return TypedResults.Created($"/api/party-organizations/{created.Id}", created);
        }).WithSummary("Register a party organization (branch, general-branch, party-committee)").OnOrganization<CreateOrganization>(Scoped.ReportReaders, c => c.ParentId);
        organizations.MapGet("/", async (string? kind, Guid? parentId, IMediator mediator, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListOrganizations(kind, parentId, SignIn.ActorOf(http)), ct)));
        organizations.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetOrganization(id, SignIn.ActorOf(http)), ct)));
        organizations.MapPut("/{id:guid}", async (Guid id, OrganizationChanges changes, IMediator mediator, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new UpdateOrganization(id, changes, Replace: true, SignIn.ActorOf(http)), ct))).WithSummary("Replace an organization's fields").Audit("registry-change").OnOrganization(Scoped.RegistryKeepers);
        organizations.MapPatch("/{id:guid}", async (Guid id, OrganizationChanges changes, IMediator mediator, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new UpdateOrganization(id, changes, Replace: false, SignIn.ActorOf(http)), ct))).WithSummary("Change some of an organization's fields (approval authority, jurisdiction, parent…)").Audit("registry-change").OnOrganization(Scoped.RegistryKeepers);

        var members = app.MapGroup("/api/members").WithTags("Registry");
        members.MapPost("/", async (CreateMember command, [FromHeader(Name = "Idempotency-Key")] string? key, IMediator mediator, CancellationToken ct) =>
        {
            var created = await mediator.Send(command with { IdempotencyKey = key }, ct);
            return TypedResults.Created($"/api/members/{created.Id}", created);
        }).WithSummary("Register a full or probationary member of a branch").OnOrganization<CreateMember>(Scoped.RegistryKeepers, c => c.BranchId);
        members.MapGet("/", async (Guid? branchId, string? membership, string? name, IMediator mediator, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListMembers(branchId, membership, name, SignIn.ActorOf(http)), ct))).WithSummary("Members, by branch, membership and a part of the name");
        members.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetMember(id, SignIn.ActorOf(http)), ct)));
        members.MapPut("/{id:guid}", async (Guid id, MemberChanges changes, IMediator mediator, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new UpdateMember(id, changes, Replace: true, SignIn.ActorOf(http)), ct))).WithSummary("Replace a member's registry fields").Audit("registry-change").OnPerson(Scoped.RegistryKeepers);
        members.MapPatch("/{id:guid}", async (Guid id, MemberChanges changes, IMediator mediator, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new UpdateMember(id, changes, Replace: false, SignIn.ActorOf(http)), ct))).WithSummary("Change some of a member's fields (voting rights, 留党察看, party group…)").Audit("registry-change").OnPerson(Scoped.RegistryKeepers);

        app.MapGet("/api/people/{id:guid}/personal-data", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new PartyWorkflow.Application.Privacy.GetPersonalData(id, SignIn.ActorOf(http)), ct)))
            .WithTags("Registry").Audit("personal-data")
            .WithSummary("A person's whole citizen ID and phone (lists show them masked): for oneself, and for branch, party-committee and organization-department roles within their scopes; audited");
    }
}
