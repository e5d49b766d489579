using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Instances;
using PartyWorkflow.Application.Reminders;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application;

public static class ServiceCollectionExtensions
{
    /// <summary>The default SQLite file, under the repository's <c>.data/</c> folder.</summary>
    public const string DefaultConnectionString = "Data Source=.data/partyworkflow.db";

    /// <summary>
    /// Registers the application. The workflow definitions are loaded and checked here, so an
    /// invalid file stops start-up with an <see cref="InvalidDefinitionException"/> naming file and path.
    /// </summary>
    public static IServiceCollection AddPartyWorkflow(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("PartyWorkflow").Get<PartyWorkflowOptions>() ?? new PartyWorkflowOptions();
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Clock>();
        var catalog = LoadCatalog(options);
        services.AddSingleton(catalog);
        services.AddSingleton(catalog.Rules);
        services.AddSingleton<WorkflowEngine>();

        var connectionString = ConnectionString(configuration);
        services.AddDbContextPool<PartyWorkflowDbContext>(o => DatabaseProvider.Configure(o, connectionString));
        services.AddReminders(configuration, connectionString);

        services.AddMediator((MediatorOptions o) =>
        {
            o.ServiceLifetime = ServiceLifetime.Scoped;
            o.PipelineBehaviors = [typeof(ValidationBehaviour<,>), typeof(TransactionBehaviour<,>), typeof(IdempotencyBehaviour<,>)];
        });
        services.AddScoped<RegistryLoader>();
        services.AddScoped<ActionRecorder>();
        services.AddScoped<IdempotencyStore>();
        services.AddScoped<InstanceViewBuilder>();
        services.AddScoped<Registry.JurisdictionResolver>();
        return services;
    }

    public static WorkflowCatalog LoadCatalog(PartyWorkflowOptions options)
    {
        var (catalog, errors) = WorkflowCatalog.Load(RepositoryPaths.Resolve(options.WorkflowsPath));
        return catalog ?? throw new InvalidDefinitionException(errors);
    }

    /// <summary>
    /// <c>ConnectionStrings:Default</c>, or the embedded SQLite file. A relative SQLite path is taken
    /// from the repository root, and its folder is created.
    /// </summary>
    public static string ConnectionString(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("Default");
        var connectionString = string.IsNullOrWhiteSpace(configured) ? DefaultConnectionString : configured;
        if (DatabaseProvider.IsPostgres(connectionString)) return connectionString;

        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource != ":memory:" && builder.Mode != Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
        {
            builder.DataSource = RepositoryPaths.Resolve(builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        builder.DefaultTimeout = builder.DefaultTimeout == 30 ? 5 : builder.DefaultTimeout;
        return builder.ToString();
    }

    public static async Task MigrateAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        await DatabaseProvider.MigrateAsync(scope.ServiceProvider.GetRequiredService<PartyWorkflowDbContext>(), ct);
    }
}
