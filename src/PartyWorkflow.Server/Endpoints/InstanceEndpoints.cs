using PartyWorkflow.Application.Common;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PartyWorkflow.Application.Instances;
using PartyWorkflow.Server.Http;

namespace PartyWorkflow.Server.Endpoints;

public static class InstanceEndpoints
{
    public static void MapInstanceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/definitions/{definitionId}/instances", (string definitionId, ActionBodyBinding body, [FromHeader(Name = "Idempotency-Key")] string? key, IMediator mediator, HttpContext http, CancellationToken ct) =>
                StartAsync(definitionId, body, key, mediator, http, ct))
            .WithTags("Instances").WithSummary("Start an instance of a published definition with its first step's facts (the signed-in user acts)").Audit("action", refusalsOnly: true);
        app.MapPost("/api/applications", (ActionBodyBinding body, [FromHeader(Name = "Idempotency-Key")] string? key, IMediator mediator, HttpContext http, CancellationToken ct) =>
                StartAsync("member-development", body, key, mediator, http, ct))
            .WithTags("Instances").WithSummary("Submit an application (step 1, submit-application): starts a member-development process; an alias of POST /api/definitions/member-development/instances").Audit("action", refusalsOnly: true);
        app.MapPost("/api/establishments", (ActionBodyBinding body, [FromHeader(Name = "Idempotency-Key")] string? key, IMediator mediator, HttpContext http, CancellationToken ct) =>
                StartAsync("organization-establishment", body, key, mediator, http, ct))
            .WithTags("Instances").WithSummary("Submit a request to establish a party organization (step 1, submit-request); an alias of POST /api/definitions/organization-establishment/instances").Audit("action", refusalsOnly: true);

        app.MapGet("/api/instances", async (string? definition, string? state, string? stage, bool? open, Guid? organization, string? name,
                string? citizenId, string? awaiting, int? page, int? pageSize, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                // A URL is kept by access logs and proxies: a citizen ID never goes in one.
                if (citizenId is not null)
                    throw InvalidInputException.For("citizenId", "send it in the body of POST /api/instances/search: a citizen ID is never put in a URL / 请通过 POST /api/instances/search 的请求体查询身份证号，身份证号不放在网址中");
                return TypedResults.Ok(await mediator.Send(new ListInstances(definition, state, stage, open, organization, name, null, awaiting, page ?? 1, pageSize ?? 50,
                    SignIn.ActorOf(http)), ct));
            })
            .WithTags("Instances").WithSummary("Instances, a page at a time: by definition, state, stage, open or ended, organization (and below), subject name, awaited role");
        app.MapPost("/api/instances/search", async (InstanceSearch search, IMediator mediator, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListInstances(search.Definition, search.State, search.Stage, search.Open, search.Organization, search.Name,
                    search.CitizenId, search.Awaiting, search.Page ?? 1, search.PageSize ?? 50, SignIn.ActorOf(http)), ct)))
            .WithTags("Instances").WithSummary("The same list, filters in the body: the one way to find an instance by its subject's citizen ID, which never goes in a URL");

        app.MapGet("/api/instances/{id:guid}", async (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        {
            var view = await mediator.Send(new GetInstance(id, SignIn.ActorOf(response.HttpContext)), ct);
            response.Headers.ETag = Preconditions.ETag(view.Version);
            return TypedResults.Ok(view);
        }).WithTags("Instances").WithSummary("An instance: stage, step, history, computed dates, permitted next actions, open deadlines");

        app.MapPost("/api/instances/{id:guid}/actions/{actionId}", async (Guid id, string actionId, ActionBodyBinding body,
            [FromHeader(Name = "Idempotency-Key")] string? key, HttpRequest request, HttpResponse response, IMediator mediator, CancellationToken ct) =>
        {
            var result = await mediator.Send(new PerformAction(id, actionId, body.Value, key, Preconditions.IfMatch(request), SignIn.ActorOf(request.HttpContext)), ct);
            response.Headers.ETag = Preconditions.ETag(result.Version);
            return TypedResults.Ok(result);
        }).WithTags("Instances").WithSummary("Take a step or side action with its facts (the signed-in user acts), optional Idempotency-Key and If-Match").Audit("action", refusalsOnly: true);
    }

    private static async Task<Created<InstanceView>> StartAsync(string definitionId, ActionBodyBinding body, string? key, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var view = await mediator.Send(new StartInstance(definitionId, body.Value, key, SignIn.ActorOf(http)), ct);
        http.Response.Headers.ETag = Preconditions.ETag(view.Version);
        return TypedResults.Created($"/api/instances/{view.Id}", view);
    }

    /// <summary>The list's filters as a body, for a citizen ID (never in a URL).</summary>
    public sealed record InstanceSearch(string? Definition = null, string? State = null, string? Stage = null, bool? Open = null, Guid? Organization = null,
        string? Name = null, string? CitizenId = null, string? Awaiting = null, int? Page = null, int? PageSize = null);
}
