using PartyWorkflow.Application.Access;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;
using PartyWorkflow.Application.Registry;
using PartyWorkflow.Application.Reports;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Units;
using PartyWorkflow.Application.Units.Import;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Server.Http;

namespace PartyWorkflow.Server.Endpoints;

/// <summary>Units (enterprises and social organizations), their coverage and assignments, the reference lists and the coverage report.</summary>
public static class UnitEndpoints
{
    public sealed record CoverageBody(IReadOnlyList<Guid>? UnitIds, DateOnly? From, string? Mode = null);
    public sealed record DissolveBody(DateOnly? Date, string? Reason);
    public sealed record AdjustmentBody(DateOnly? Date, string? Decision, string? Reason, IReadOnlyList<string>? RuleIds = null, Guid? IntoId = null);
    public sealed record AssignmentBody(Guid? PersonId, string? Role, DateOnly? From, DateOnly? To = null);

    public static void MapUnitEndpoints(this IEndpointRouteBuilder app)
    {
        var units = app.MapGroup("/api/units").WithTags("Units");
        units.MapPost("/", async (UnitFields fields, [FromHeader(Name = "Idempotency-Key")] string? key, IMediator mediator, CancellationToken ct) =>
        {
            var created = await mediator.Send(new CreateUnit(fields) { IdempotencyKey = key }, ct);
            return TypedResults.Created($"/api/units/{created.Id}", created);
        }).WithSummary("Register an enterprise or social organization (统一社会信用代码 checked and unique)").InCounty<UnitFields>(Scopes.AreaOffices, f => f.CountyCode);
        units.MapGet("/", async (string? type, string? county, string? name, bool? covered, int? page, int? pageSize, IMediator mediator, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListUnits(type, county, name, covered, page ?? 1, pageSize ?? 50, SignIn.ActorOf(http)), ct)))
            .WithSummary("Units, a page at a time: by type, county, a part of the name or the credit code, covered today or not");
        units.MapGet("/export", async (string? type, string? county, string? name, bool? covered, IMediator mediator, HttpContext http, CancellationToken ct) =>
                Xlsx(await mediator.Send(new ExportUnits(type, county, name, covered, SignIn.ActorOf(http)), ct)))
            .WithSummary("The units a list would show as .xlsx: the import template's columns (it imports again unchanged) and a sheet of who covers each").Audit("export");
        units.MapPost("/import", async (IFormFile? file, bool? dryRun, UnitImporter importer, Scopes scopes, HttpContext http, CancellationToken ct) =>
            {
                if (file is null) throw InvalidInputException.For("file", "a survey file (.xlsx or .csv) is required / 请上传摸排台账文件");
                if (file.Length > SurveyFile.MaxBytes) throw InvalidInputException.For("file", "the file is larger than 10 MiB / 文件超过 10 MiB");
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                try
                {
                    // Rows are taken for the counties the user's import roles reach.
                    var actor = SignIn.ActorOf(http);
                    var area = await scopes.CountiesAsync(actor with { Roles = actor.Roles.Where(r => Scopes.AreaOffices.Contains(r.Role)).ToList() }, ct);
                    return TypedResults.Ok(await importer.ImportAsync(buffer.ToArray(), file.FileName, dryRun ?? false, ct: ct, area: area));
                }
                catch (SurveyFileException ex)
                {
                    throw InvalidInputException.For("file", ex.Message);
                }
            }).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(SurveyFile.MaxBytes + 256 * 1024))
            .WithSummary("Import the survey (摸排台账), .xlsx or .csv as multipart/form-data field 'file'; ?dryRun=true reports without writing").Audit("import").ForRoles(Scopes.AreaOffices);
        units.MapGet("/import/template", () => Xlsx(new SpreadsheetFile(SurveyTemplate.Xlsx(), "摸排台账导入模板.xlsx")))
            .WithSummary("The import template: the expected columns with Chinese headers and an example row");
        units.MapGet("/{id:guid}", async (Guid id, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            var unit = await mediator.Send(new GetUnit(id), ct);
            http.Response.Headers.ETag = Preconditions.ETag(unit.Version);
            return TypedResults.Ok(unit);
        }).WithSummary("A unit with its registered members beside the survey's counts, and who covers it today").OnUnit(Scoped.AnyRole);
        units.MapPatch("/{id:guid}", async (Guid id, UnitFields changes, HttpRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateUnit(id, changes, Preconditions.IfMatch(request)), ct)))
            .WithSummary("Change some of a unit's fields (closing it is setting closedOn)").OnUnit(Scopes.AreaOffices);
        units.MapPost("/{id:guid}/assignments", async (Guid id, AssignmentBody body, IMediator mediator, CancellationToken ct) =>
        {
            var created = await mediator.Send(new AssignToUnit(id, body.PersonId, body.Role, body.From, body.To), ct);
            return TypedResults.Created($"/api/units/{id}/assignments/{created.Id}", created);
        }).WithSummary("Dispatch an instructor or first secretary to the unit (warns instructor-max-units above 5 units)").OnUnit(Scopes.AreaOffices);

        var organizations = app.MapGroup("/api/party-organizations").WithTags("Units");
        organizations.MapGet("/export", async (string? county, string? kind, IMediator mediator, CancellationToken ct) =>
                Xlsx(await mediator.Send(new ExportOrganizations(county, kind), ct)))
            .WithSummary("The organizations on record as .xlsx: kind, mode, county, parent, dates, current term and secretary, units covered today").Audit("export").ForArea(Scoped.ReportReaders);
        organizations.MapPost("/{id:guid}/covered-units", async (Guid id, CoverageBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/party-organizations/{id}", await mediator.Send(new CoverUnits(id, body.UnitIds, body.From, body.Mode), ct)))
            .WithSummary("The organization covers these units from a date (unit-not-covered)").OnOrganization(Scopes.AreaOffices);
        organizations.MapPost("/{id:guid}/dissolve", async (Guid id, DissolveBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new DissolveOrganization(id, body.Date, body.Reason), ct)))
            .WithSummary("Dissolve the organization: its coverage ends on the date, its record stays").OnOrganization(Scopes.AreaOffices);
        organizations.MapPost("/{id:guid}/adjustments", async (Guid id, AdjustmentBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/party-organizations/{id}", await mediator.Send(new AdjustOrganization(id, body.Date, body.Decision, body.Reason, body.RuleIds, body.IntoId), ct)))
            .WithSummary("The work committee's decision on an organization that no longer fits the size rules: keep (with the rule ids), merge, party-group or dissolve").OnOrganization(Scopes.AreaOffices);

        app.MapGet("/api/reference/counties", (WorkflowCatalog catalog) => TypedResults.Ok(catalog.Reference.Counties)).WithTags("Units")
            .WithSummary("The prefecture (first) and its counties, with their codes");
        app.MapGet("/api/reference/industries", (WorkflowCatalog catalog) => TypedResults.Ok(catalog.Reference.Industries)).WithTags("Units")
            .WithSummary("Industries (GB/T 4754 sections)");
        app.MapGet("/api/reports/coverage", async (DateOnly? asOf, DateOnly? from, DateOnly? to, string? county, string? type, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetCoverageReport(asOf, from, to, county, type), ct))).WithTags("Reports")
            .WithSummary("Organization coverage, standalone share and work coverage by type and county, as of a date; a monthly series with from and to").ForArea(Scoped.ReportReaders);
        app.MapGet("/api/reports/terms", async (DateOnly? asOf, string? county, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetTermsReport(asOf, county), ct))).WithTags("Reports")
            .WithSummary("Terms (换届) as of a date: overdue, ending within 6 months, and organizations with no term on record (term unknown)").ForArea(Scoped.ReportReaders);
        app.MapGet("/api/reports/coverage/export", async (DateOnly? asOf, DateOnly? from, DateOnly? to, string? county, string? type, IMediator mediator, CancellationToken ct) =>
                Xlsx(await mediator.Send(new ExportCoverageReport(new GetCoverageReport(asOf, from, to, county, type)), ct))).WithTags("Reports")
            .WithSummary("The coverage report as .xlsx, a sheet for each part").Audit("export").ForArea(Scoped.ReportReaders);
    }

    private static FileContentHttpResult Xlsx(SpreadsheetFile file) => TypedResults.File(file.Content, Spreadsheet.ContentType, file.FileName);
}
