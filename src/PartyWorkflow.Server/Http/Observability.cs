using System.Diagnostics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PartyWorkflow.Application.Common;

namespace PartyWorkflow.Server.Http;

/// <summary>
/// Structured logs and traces. Outside Development the console writes one JSON object a line, with
/// its scopes: every request is logged once with the user's id and the trace id, and never with a
/// query string, a body or a header (personal data is in none of them). Traces of HTTP, EF Core and
/// the scheduler's jobs are made when an OTLP endpoint is configured
/// (<c>PartyWorkflow:Telemetry:OtlpEndpoint</c> or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) or
/// <c>PartyWorkflow:Telemetry:Enabled</c> is true, and cost nothing otherwise.
/// </summary>
public static class Observability
{
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        // The request log below replaces ASP.NET Core's own lines, which carry the whole URL, query included.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        var endpoint = builder.Configuration["PartyWorkflow:Telemetry:OtlpEndpoint"] ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (endpoint is null && !builder.Configuration.GetValue("PartyWorkflow:Telemetry:Enabled", false)) return builder;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("PartyWorkflow"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(Telemetry.SourceName)
                    .AddAspNetCoreInstrumentation(o =>
                    {
                        // The path names the route; the query may hold a name searched for.
                        o.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null);
                        o.Filter = http => http.Request.Path != "/health";
                    })
                    .AddHttpClientInstrumentation()
                    // SQL text only: parameters (a citizen ID's hash, a name) are never recorded.
                    .AddEntityFrameworkCoreInstrumentation();
                if (endpoint is not null) tracing.AddOtlpExporter(o => o.Endpoint = new Uri(endpoint));
            });
        return builder;
    }

    /// <summary>
    /// One line per request: method, route path, status, time and the user's id. It runs outside the
    /// exception handler, so a refusal is logged with the status it answered.
    /// </summary>
    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("PartyWorkflow.Requests");
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                logger.LogInformation("{Method} {Path} answered {Status} in {ElapsedMs:0.0} ms by {UserId}", context.Request.Method, context.Request.Path.Value,
                    context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds, UserOf(context) ?? "anonymous");
            }
        });
    }

    /// <summary>The signed-in user's id in the scope of every line a request writes (after authentication, which finds the user).</summary>
    public static IApplicationBuilder UseUserLogScope(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("PartyWorkflow.Requests");
        return app.Use(async (context, next) =>
        {
            using var scope = logger.BeginScope(new Dictionary<string, object?> { ["UserId"] = UserOf(context) });
            await next(context);
        });
    }

    private static string? UserOf(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? SignIn.ActorOf(context.User).UserId.ToString() : null;
}
