using PartyWorkflow.Server.Http;
using PartyWorkflow.Application.Access;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using PartyWorkflow.Application.Funds;
using PartyWorkflow.Application.Registry;

namespace PartyWorkflow.Server.Endpoints;

/// <summary>Terms (elections) of organizations on record, funds payments and the funds ledger.</summary>
public static class FundsEndpoints
{
    public sealed record TermBody(DateOnly? ElectedOn, int? Years = null, Guid? SecretaryId = null, Guid? DeputySecretaryId = null, IReadOnlyList<Guid>? CommitteeMemberIds = null);

    public static void MapFundsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/party-organizations/{id:guid}/terms", async (Guid id, TermBody body, IMediator mediator, CancellationToken ct) =>
            {
                var term = await mediator.Send(new RecordTerm(id, body.ElectedOn, body.Years, body.SecretaryId, body.DeputySecretaryId, body.CommitteeMemberIds), ct);
                return TypedResults.Created($"/api/party-organizations/{id}", term);
            }).WithTags("Units")
            .WithSummary("Record an election: its date, term length (3 or 5 years by kind), secretary, deputy and committee members").OnOrganization(Scoped.RegistryKeepers);

        var funds = app.MapGroup("/api/funds").WithTags("Funds");
        funds.MapPost("/payments", async (RecordPayment command, [FromHeader(Name = "Idempotency-Key")] string? key, IMediator mediator, CancellationToken ct) =>
        {
            var created = await mediator.Send(command with { IdempotencyKey = key }, ct);
            return TypedResults.Created($"/api/funds/ledger?organization={created.OrganizationId}", created);
        }).WithSummary("Record funds paid to an organization (who, when, amount, item, reference)").OnOrganization<RecordPayment>(Scopes.AreaOffices, p => p.OrganizationId);
        funds.MapGet("/ledger", async (DateOnly? from, DateOnly? to, string? county, Guid? organization, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetFundsLedger(from, to, county, organization), ct)))
            .WithSummary("Due, paid and outstanding per organization, per county and in total for a period, from the jurisdiction's funds policy").ForArea(Scoped.ReportReaders);
    }
}
