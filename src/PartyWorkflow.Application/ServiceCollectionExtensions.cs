using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Effects;
using PartyWorkflow.Application.Subjects;
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
    /// Registers the application. The workflow definitions are loaded and checked when the catalog is
    /// first resolved (the server does so at start-up), so an invalid file stops start-up with an
    /// <see cref="InvalidDefinitionException"/> naming file and path.
    /// </summary>
    public static IServiceCollection AddPartyWorkflow(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("PartyWorkflow").Get<PartyWorkflowOptions>() ?? new PartyWorkflowOptions();
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Clock>();
        // Built when first asked for (the server asks at start-up), so that rules and effects registered
        // after this call, by a workflow of one's own, are checked and used like the built-in ones.
        services.AddSingleton(sp => LoadCatalog(options, sp.GetServices<IRule>(), EffectIds(sp)));
        services.AddSingleton(sp => sp.GetRequiredService<WorkflowCatalog>().Rules);
        services.AddSingleton<WorkflowEngine>();
        services.AddSubjectKind<PersonSubjects>().AddSubjectKind<OrganizationSubjects>().AddSubjectKind<Establishment.EstablishmentRequests>();
        services.AddEffect<RegisterSubjectEffect>().AddEffect<SetMembershipEffect>();
        services.AddEffect<Establishment.RegisterOrganizationEffect>().AddEffect<Establishment.RecordPlaqueEffect>().AddEffect<Establishment.RecordWelcomePackageEffect>()
            .AddEffect<Establishment.RegisterAffiliationEffect>().AddEffect<Establishment.AssignInstructorEffect>().AddEffect<Establishment.ResumeAsStandaloneEffect>()
            .AddEffect<Establishment.DissolveEffect>().AddEffect<Establishment.AmendRequestEffect>()
            .AddEffect<Establishment.RecordRenewalEffect>();
        // The effects of establishment record plaques and the package as the registry's own commands do.
        services.AddScoped<Records.RecordPlaqueHandler>().AddScoped<Units.DissolveOrganizationHandler>();
        services.AddScoped<SubjectKinds>();
        services.AddScoped<EffectHandlers>();
        services.AddScoped<SubjectLocks>();
        services.AddScoped<Registry.OrganizationChecks>();
        services.AddScoped<Registry.TermsOnRecord>();
        services.AddScoped<Units.UnitCounts>();
        services.AddScoped<Units.Import.UnitImporter>();

        var connectionString = ConnectionString(configuration);
        services.AddSingleton(new Privacy.PersonalData(configuration, connectionString));
        services.AddDbContextPool<PartyWorkflowDbContext>((sp, o) =>
        {
            DatabaseProvider.Configure(o, connectionString);
            // Interceptors registered in DI (the tests' round-trip counter) see every command.
            o.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
        });
        services.AddReminders(configuration, connectionString);

        services.AddMediator((MediatorOptions o) =>
        {
            o.ServiceLifetime = ServiceLifetime.Scoped;
            o.PipelineBehaviors = [typeof(ValidationBehaviour<,>), typeof(TransactionBehaviour<,>), typeof(IdempotencyBehaviour<,>)];
        });
        services.AddScoped<RegistryLoader>();
        services.AddScoped<ActionRecorder>();
        services.AddScoped<IdempotencyStore>();
        services.AddSingleton<Audit.AuditTrail>();
        services.AddScoped<Access.Scopes>();
        services.AddScoped<InstanceViewBuilder>();
        services.AddScoped<Registry.JurisdictionResolver>();
        services.AddScoped<Registry.ProbationLength>();
        return services;
    }

    /// <summary>A rule of one's own, for the definitions to name by its id.</summary>
    public static IServiceCollection AddWorkflowRule<TRule>(this IServiceCollection services) where TRule : class, IRule
    {
        services.AddSingleton<IRule, TRule>();
        return services;
    }

    /// <summary>An effect handler of one's own; it runs in the action's transaction with the scoped DbContext.</summary>
    public static IServiceCollection AddEffect<THandler>(this IServiceCollection services) where THandler : class, IEffectHandler
    {
        services.AddScoped<IEffectHandler, THandler>();
        return services;
    }

    /// <summary>A kind of subject of one's own (what a definition's <c>subject.kind</c> names).</summary>
    public static IServiceCollection AddSubjectKind<TKind>(this IServiceCollection services) where TKind : class, ISubjectKind
    {
        services.AddScoped<ISubjectKind, TKind>();
        return services;
    }

    /// <summary>Loads and checks the workflows folder; throws <see cref="InvalidDefinitionException"/> with every problem.</summary>
    public static WorkflowCatalog LoadCatalog(PartyWorkflowOptions options, IEnumerable<IRule>? rules = null, IReadOnlySet<string>? effects = null)
    {
        var (catalog, errors) = WorkflowCatalog.Load(RepositoryPaths.Resolve(options.WorkflowsPath), rules, effects ?? BuiltInEffects.Ids);
        return catalog ?? throw new InvalidDefinitionException(errors);
    }

    private static IReadOnlySet<string> EffectIds(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetServices<IEffectHandler>().Select(h => h.Id).ToHashSet();
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

    /// <summary>
    /// Migrates the database. With <c>ConnectionStrings:Owner</c> (PostgreSQL) the migrations run as that
    /// role, which owns the tables, and the role of <c>ConnectionStrings:Default</c>, the one the
    /// application connects as, is granted no UPDATE or DELETE on history and audit rows.
    /// </summary>
    public static async Task MigrateAsync(this IServiceProvider services, IConfiguration configuration, CancellationToken ct = default)
    {
        if (configuration.GetConnectionString("Owner") is { Length: > 0 } owner)
        {
            var options = new DbContextOptionsBuilder<PartyWorkflowDbContext>();
            DatabaseProvider.Configure(options, owner);
            await using var db = new PartyWorkflowDbContext(options.Options);
            await MigrateAsync(db, DatabaseProvider.UserOf(ConnectionString(configuration)), services.GetRequiredService<Privacy.PersonalData>(), ct);
            return;
        }
        await using var scope = services.CreateAsyncScope();
        await MigrateAsync(scope.ServiceProvider.GetRequiredService<PartyWorkflowDbContext>(), null, services.GetRequiredService<Privacy.PersonalData>(), ct);
    }

    /// <summary>
    /// Migrates as the tables' owner and seals personal data not sealed under the current key; on
    /// PostgreSQL with <paramref name="appRole"/>, creates Quartz's
    /// tables too (the application's role may not create tables) and grants the role what it needs.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(PartyWorkflowDbContext db, string? appRole, Privacy.PersonalData personalData, CancellationToken ct = default)
    {
        var applied = await DatabaseProvider.MigrateAsync(db, ct);
        // Plain text comes only from before sealing (a migration); configured keys may have a new current one.
        if (applied.Count > 0 || personalData.KeysAreConfigured)
            await Privacy.PersonalDataBackfill.RunAsync(db, personalData, rotate: personalData.KeysAreConfigured, ct);
        if (appRole is null || !db.Database.IsNpgsql()) return applied;
        await QuartzSchema.ProvisionAsync(db, ct);
        await DatabaseProvider.GrantAsync(db, appRole, ct);
        return applied;
    }
}
