using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry.Trace;
using PartyWorkflow.Api.Tests.Infrastructure;

namespace PartyWorkflow.Api.Tests;

/// <summary>
/// Every request and every reminder sweep is logged with the user's id and the trace id, and never
/// with its query; with tracing on, a request is one trace through ASP.NET Core and EF Core, and a
/// sweep is a span of its own.
/// </summary>
public sealed class ObservabilityTests
{
    [Fact]
    public async Task Requests_and_sweeps_are_logged_with_user_and_trace_and_traced_through_http_and_ef_core()
    {
        var logs = new LogCapture();
        var spans = new SpanCapture();
        await using var factory = new ApiFactory(await TestDatabases.CreatePostgresAsync(), new FakeTimeProvider(ApiFixture.Start),
            // The levels of appsettings.json, as in production (the other tests keep the request lines quiet).
            settings: new Dictionary<string, string> { ["PartyWorkflow:Telemetry:Enabled"] = "true", ["Logging:LogLevel:PartyWorkflow"] = "Information" },
            services: s =>
            {
                s.AddSingleton<ILoggerProvider>(logs);
                s.ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(spans));
            });
        var api = new ApiClient(factory.CreateSignedInClient());
        var unit = await Unit.CreateAsync(api);
        await unit.ApplyAsync("2026-10-30");
        var me = await api.GetAsync("/api/auth/me");
        await api.GetAsync("/api/instances?name=张三");
        await factory.SweepAsync();

        var request = Assert.Single(logs.Lines, l => l.Contains("PartyWorkflow.Requests", StringComparison.Ordinal) && l.Contains("GET /api/instances answered 200", StringComparison.Ordinal));
        Assert.Contains($"by {me["userId"]}", request);
        Assert.Contains("TraceId:", request);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("张三", StringComparison.Ordinal) || l.Contains("name=", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("Reminder sweep wrote", StringComparison.Ordinal));

        // Listeners are process-wide: other tests' servers make spans too. This request's trace is the one its log line names.
        var traceId = System.Text.RegularExpressions.Regex.Match(request, "TraceId:([0-9a-f]{32})").Groups[1].Value;
        var ended = spans.Ended.ToList();
        var http = Assert.Single(ended, s => s.Source.Name == "Microsoft.AspNetCore" && s.TraceId.ToHexString() == traceId);
        Assert.Equal("/api/instances", http.GetTagItem("url.path"));
        Assert.Null(http.GetTagItem("url.query"));
        Assert.Contains(ended, s => s.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal) && s.TraceId == http.TraceId);
        Assert.Contains(ended, s => s.Source.Name == "PartyWorkflow" && s.DisplayName == "reminder-sweep");
        Assert.DoesNotContain(ended.SelectMany(s => s.TagObjects), t => t.Value?.ToString()?.Contains("张三", StringComparison.Ordinal) == true);
    }

    /// <summary>Every ended span, from any thread: listeners are process-wide, and other tests' servers end spans meanwhile.</summary>
    private sealed class SpanCapture : OpenTelemetry.BaseProcessor<Activity>
    {
        public System.Collections.Concurrent.ConcurrentQueue<Activity> Ended { get; } = new();

        public override void OnEnd(Activity data) => Ended.Enqueue(data);
    }
}
