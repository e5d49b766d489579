using Mediator;
using PartyWorkflow.Application.Reminders;

using PartyWorkflow.Server.Http;

namespace PartyWorkflow.Server.Endpoints;

public static class CalendarFeedEndpoints
{
    public static void MapCalendarFeedEndpoints(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/api/calendar-feeds").WithTags("Reminders");

        feeds.MapPost("/", async (CreateCalendarFeed command, HttpRequest request, IMediator mediator, CancellationToken ct) =>
        {
            var created = await mediator.Send(command with { By = SignIn.ActorOf(request.HttpContext) }, ct);
            // Calendar apps need an absolute URL to subscribe to; the application layer knows no host.
            var url = $"{request.Scheme}://{request.Host}{request.PathBase}{created.Url}";
            return TypedResults.Created(url, created with { Url = url });
        }).WithSummary("Create a secret iCalendar URL of the open deadlines of a member (memberId) or of an organization and those below it (organizationId); the URL is shown only once").Audit("calendar-feed");

        feeds.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
        {
            await mediator.Send(new RevokeCalendarFeed(id, SignIn.ActorOf(http)), ct);
            return TypedResults.NoContent();
        }).WithSummary("Revoke a calendar feed: its URL answers 404 from then on (revoking again is fine)").Audit("calendar-feed");

        feeds.MapGet("/{token}.ics", async (string token, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        {
            var text = await mediator.Send(new GetCalendarFeed(token), ct);
            // The URL is a credential and the body names people: no shared cache may keep it.
            response.Headers.CacheControl = "private, no-store";
            return TypedResults.Text(text, "text/calendar; charset=utf-8");
        }).WithSummary("The feed as iCalendar: one all-day event per open deadline (overdue included), with a reminder the day before")
            // The secret token in the URL is the credential: phone calendars cannot sign in.
            .AllowAnonymous();
    }
}
