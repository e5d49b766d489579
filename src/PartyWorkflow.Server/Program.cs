using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PartyWorkflow.Application;
using PartyWorkflow.Application.Common;
using Mediator;
using PartyWorkflow.Application.Demo;
using PartyWorkflow.Application.Reminders;
using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Server.Endpoints;
using PartyWorkflow.Server.Http;
using Scalar.AspNetCore;

// The content root is the server's own folder, so that appsettings.json is found (and its log levels
// apply) whatever folder `dotnet path/to/PartyWorkflow.Server.dll` is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddObservability();
builder.Services.AddPartyWorkflow(builder.Configuration);
builder.Services.AddSignIn();
builder.Services.AddHygiene(builder.Configuration);
builder.Services.AddCookieForms();

const long maxBody = 1024 * 1024;
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = maxBody);
builder.Services.ConfigureHttpJsonOptions(o =>
{
    JsonDefaults.Configure(o.SerializerOptions);
    // A misspelt field must not be ignored silently (and a PUT must not bump the version for it).
    o.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
    o.SerializerOptions.Converters.Add(new TextWithoutControlCharacters());
});
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddOpenApi(o => o.AddSchemaTransformer((schema, context, _) =>
{
    // Strings are read through TextWithoutControlCharacters, a converter the generator cannot see through.
    if (context.JsonTypeInfo.Type == typeof(string) && schema.Type is null)
        schema.Type = context.JsonPropertyInfo is { IsGetNullable: false, IsSetNullable: false }
            ? Microsoft.OpenApi.JsonSchemaType.String
            : Microsoft.OpenApi.JsonSchemaType.String | Microsoft.OpenApi.JsonSchemaType.Null;
    return Task.CompletedTask;
}));

var app = builder.Build();
try
{
    app.Services.GetRequiredService<PartyWorkflow.Application.Workflows.WorkflowCatalog>();
}
catch (InvalidDefinitionException ex)
{
    // A broken definition must stop start-up, and say where it is broken.
    Console.Error.WriteLine(ex.Message);
    return 1;
}
try
{
    app.Services.GetRequiredService<PartyWorkflow.Application.Privacy.PersonalData>().CheckKeys();
}
catch (InvalidOperationException ex)
{
    // Personal data cannot be sealed or read without its keys (docs/security.md).
    Console.Error.WriteLine(ex.Message);
    return 1;
}
app.UseSecurityHeaders();
app.UseRequestLog();
app.UseExceptionHandler();
app.UseStatusCodePages();
// Kestrel enforces the limit while reading; this answers a declared oversize body before reading it
// (and under the test host, which has no Kestrel limits). A route may allow more ([RequestSizeLimit]).
app.Use((context, next) =>
{
    var limit = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? maxBody;
    return context.Request.ContentLength > limit
        ? throw new BadHttpRequestException($"The request body is larger than {limit / 1024 / 1024} MiB.", StatusCodes.Status413PayloadTooLarge)
        : next(context);
});
app.UseJsonBodiesOnly();
app.UseAuthentication();
app.UseUserLogScope();
app.UseAuthorization();
app.UseCookieForms();
app.UseRateLimiter();
app.UseCompleteOpenApiDocument();
app.MapOpenApi();
app.MapScalarApiReference();
app.MapGet("/", () => Results.Content(HomePage.Html, "text/html; charset=utf-8")).ExcludeFromDescription().AllowAnonymous();
app.MapGet("/health", async (IMediator mediator, CancellationToken ct) =>
    TypedResults.Ok(new { status = "ok", scheduler = await mediator.Send(new SchedulerStatus(), ct) })).WithTags("Health").AllowAnonymous();
app.MapUserEndpoints();
app.MapInstanceEndpoints();
app.MapDefinitionEndpoints();
app.MapRegistryEndpoints();
app.MapUnitEndpoints();
app.MapFundsEndpoints();
app.MapRecordEndpoints();
app.MapCalendarFeedEndpoints();
app.MapReminderEndpoints();

if (app.Configuration.GetValue("PartyWorkflow:MigrateOnStart", true))
{
    await app.Services.MigrateAsync(app.Configuration);
    await PartyWorkflow.Application.Instances.AwaitedRolesBackfill.RunAsync(app.Services);
}
// The first administrator comes from configuration (never from a password in the code).
await PartyWorkflow.Application.Users.FirstAdmin.EnsureAsync(app.Services, app.Configuration);
// Demo data belongs to the embedded default; a PostgreSQL database gets it only when asked for.
var seed = app.Configuration.GetValue<bool?>("PartyWorkflow:SeedDemoData")
           ?? !PartyWorkflow.Persistence.DatabaseProvider.IsPostgres(ServiceCollectionExtensions.ConnectionString(app.Configuration));
if (seed) await DemoData.SeedIfEmptyAsync(app.Services);

app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    foreach (var address in addresses) Console.WriteLine($"PartyWorkflow is running at {address} (API reference: {address}/scalar)");
});
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
