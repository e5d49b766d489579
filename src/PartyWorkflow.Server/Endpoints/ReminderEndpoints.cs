using Mediator;
using Microsoft.AspNetCore.Mvc;
using PartyWorkflow.Application.Reminders;

using PartyWorkflow.Server.Http;

namespace PartyWorkflow.Server.Endpoints;

public static class ReminderEndpoints
{
    public static void MapReminderEndpoints(this IEndpointRouteBuilder app)
    {
        var reminders = app.MapGroup("/api").WithTags("Reminders");
        reminders.MapGet("/inbox", async (Guid? member, Guid? organization, bool? unreadOnly, IMediator mediator, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListInbox(member, organization, unreadOnly ?? false, SignIn.ActorOf(http)), ct)))
            .WithSummary("A member's (?member=) or an organization's (?organization=) reminders");
        reminders.MapPost("/inbox/{id:guid}/read", async (Guid id, [FromHeader(Name = "Idempotency-Key")] string? key, IMediator mediator, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new MarkInboxItemRead(id, key, SignIn.ActorOf(http)), ct)))
            .WithSummary("Mark a reminder read");
        reminders.MapGet("/deadlines", async (DateOnly? dueBefore, string? kind, Guid? organization, bool? overdue, IMediator mediator, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListDeadlines(dueBefore, kind, organization, overdue, SignIn.ActorOf(http)), ct)))
            .WithSummary("Open deadlines: e.g. ?kind=probation-end&dueBefore=2026-12-31&organization=…");
        reminders.MapGet("/deadlines/summary", async (Guid? organization, IMediator mediator, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new DeadlineSummary(organization, SignIn.ActorOf(http)), ct)))
            .WithSummary("Open, overdue and soon-due deadlines per branch and committee");
    }
}
