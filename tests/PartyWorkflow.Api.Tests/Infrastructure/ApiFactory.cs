using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace PartyWorkflow.Api.Tests.Infrastructure;

/// <summary>The real server in process, on a given database, with time under the test's control.</summary>
public sealed class ApiFactory(string connectionString, FakeTimeProvider time, string? workflowsPath = null, IReadOnlyDictionary<string, string>? settings = null,
    Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    /// <summary>A client whose requests are signed in: as the actor their body names, else as the administrator.</summary>
    public HttpClient CreateSignedInClient() => CreateDefaultClient(new SignedInActors(() => CreateDefaultClient()));

    /// <summary>The tests' keys (never a production key): the current one, and the hash key.</summary>
    public static readonly IReadOnlyDictionary<string, string> PersonalDataKeys = new Dictionary<string, string>
    {
        ["PartyWorkflow:PersonalData:CurrentKey"] = "test-1",
        ["PartyWorkflow:PersonalData:Keys:test-1"] = "dGVzdC1vbmx5LWtleS1mb3ItcGVyc29uYWwtZGF0YSE=",
        ["PartyWorkflow:PersonalData:HashKey"] = "dGVzdC1vbmx5LWhhc2gta2V5LWZvci1jaXRpemVuaWQ=",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", connectionString);
        // As in production: the migrations run as the tables' owner, the application as a role that may not rewrite history.
        if (TestDatabases.ConnectsAsApp(connectionString)) builder.UseSetting("ConnectionStrings:Owner", TestDatabases.OwnerOf(connectionString));
        builder.UseSetting("PartyWorkflow:SeedDemoData", "false");
        // The first administrator, from configuration as in production; SignedInActors signs in as it.
        builder.UseSetting("PartyWorkflow:Admin:UserName", SignedInActors.AdminUser);
        builder.UseSetting("PartyWorkflow:Admin:Password", SignedInActors.AdminPassword);
        // Personal data is sealed with keys from configuration, as in production (docs/security.md).
        foreach (var (key, value) in PersonalDataKeys) builder.UseSetting(key, value);
        // Every test signs its actors in from one address; the limit itself is tested on its own.
        builder.UseSetting("PartyWorkflow:SignIn:PermitsPerMinute", "100000");
        // A line per request and per sweep is for operators; the tests that read logs capture them at every level.
        builder.UseSetting("Logging:LogLevel:PartyWorkflow", "Warning");
        // Tests call the sweeps themselves, on the fake clock.
        builder.UseSetting("PartyWorkflow:Reminders:SchedulerEnabled", "false");
        if (workflowsPath is not null) builder.UseSetting("PartyWorkflow:WorkflowsPath", workflowsPath);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        builder.ConfigureTestServices(collection =>
        {
            collection.AddSingleton<TimeProvider>(time);
            collection.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, FromLoopback>();
            services?.Invoke(collection);
        });
    }
}

/// <summary>The test host has no connection: its requests come from 127.0.0.1, as a local client's would.</summary>
internal sealed class FromLoopback : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use(following => context =>
        {
            context.Connection.RemoteIpAddress ??= System.Net.IPAddress.Loopback;
            return following(context);
        });
        next(app);
    };
}
