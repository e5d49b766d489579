using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using PartyWorkflow.Application;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Effects;
using PartyWorkflow.Application.Workflows;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Cli;

/// <summary>
/// <c>partyworkflow definitions validate [dir]</c>, <c>definitions diagram &lt;definitionId&gt;</c>, <c>db migrate</c>,
/// <c>units import</c>, <c>users create-admin</c>, <c>audit verify</c>.
/// Writers are passed in so that tests can read what a user would see.
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TextReader? input = null)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var defaultDir = configuration["PartyWorkflow:WorkflowsPath"] ?? new PartyWorkflowOptions().WorkflowsPath;

        var dirArgument = new Argument<string?>("dir") { Description = "the workflows folder (default: the repository's workflows/)", Arity = ArgumentArity.ZeroOrOne };
        var validate = new Command("validate", "Check every definition against the schema and the engine's rules") { dirArgument };
        validate.SetAction(result => Validate(RepositoryPaths.Resolve(result.GetValue(dirArgument) ?? defaultDir), output, error));

        var idArgument = new Argument<string>("definitionId") { Description = "for example member-development" };
        var versionOption = new Option<int?>("--version") { Description = "the version (default: the latest published)" };
        var diagram = new Command("diagram", "Print the Mermaid state diagram of a definition") { idArgument, versionOption };
        diagram.SetAction(result => Diagram(RepositoryPaths.Resolve(defaultDir), result.GetValue(idArgument)!, result.GetValue(versionOption), output, error));

        var connectionOption = new Option<string?>("--connection") { Description = "connection string (default: ConnectionStrings__Default, else the embedded SQLite file)" };
        var grantOption = new Option<string?>("--grant") { Description = "PostgreSQL: the role the application connects as; it is granted no UPDATE or DELETE on history and audit rows (run the migration as the tables' owner)" };
        var migrate = new Command("migrate", "Create or upgrade the database schema") { connectionOption, grantOption };
        migrate.SetAction((result, ct) => MigrateAsync(result.GetValue(connectionOption), result.GetValue(grantOption), configuration, output, ct));

        var fileArgument = new Argument<string>("file") { Description = "the survey file (摸排台账), .xlsx or .csv" };
        var dryRunOption = new Option<bool>("--dry-run") { Description = "report what would change without writing" };
        var import = new Command("import", "Import the survey of units (摸排台账): rows with faults are reported by row and column") { fileArgument, dryRunOption, connectionOption };
        import.SetAction((result, ct) => ImportCommand.RunAsync(result.GetValue(fileArgument)!, result.GetValue(dryRunOption), result.GetValue(connectionOption), configuration, output, error, ct));

        var userOption = new Option<string>("--user") { Description = "the administrator's user name", Required = true };
        var createAdmin = new Command("create-admin", "Create an administrator; the password is read from standard input") { userOption, connectionOption };
        createAdmin.SetAction((result, _) => UsersCommand.CreateAdminAsync(result.GetValue(userOption)!, result.GetValue(connectionOption), configuration, input ?? Console.In, output, error));

        var verify = new Command("verify", "Recompute the history and audit hash chains; report every altered, removed or reordered row (exit 1 if any)") { connectionOption };
        verify.SetAction((result, ct) => VerifyAuditAsync(result.GetValue(connectionOption), configuration, output, error, ct));

        var root = new RootCommand("PartyWorkflow: workflow definitions and database tools")
        {
            new Command("audit", "The audit trail and the history's hash chains") { verify },
            new Command("users", "Users who sign in") { createAdmin },
            new Command("units", "Units (enterprises and social organizations)") { import },
            new Command("definitions", "Workflow definitions") { validate, diagram },
            new Command("db", "Database") { migrate },
        };
        var parsed = root.Parse(args);
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    private static int Validate(string directory, TextWriter output, TextWriter error)
    {
        var (catalog, errors) = WorkflowCatalog.Load(directory, effects: BuiltInEffects.Ids);
        if (catalog is null)
        {
            foreach (var e in errors) error.WriteLine(e);
            error.WriteLine($"{errors.Count} problem(s) in {directory}");
            return 1;
        }
        foreach (var d in catalog.Definitions)
            output.WriteLine($"ok  {d.DefinitionId} v{d.Version}{(d.IsPublished ? " (published)" : "")}: {d.Stages.Count} stages, {d.Steps.Count()} steps");
        foreach (var o in catalog.Overlays)
            output.WriteLine($"ok  jurisdiction {o.JurisdictionId} v{o.Version} for {o.DefinitionId}: {o.Rules.Count} rule setting(s)");
        output.WriteLine($"ok  working-day calendars: {(catalog.Calendar.Years.Count == 0 ? "none" : string.Join(", ", catalog.Calendar.Years.Order()))}");
        output.WriteLine($"ok  reference lists: {catalog.Reference.Counties.Count} counties (prefecture {catalog.Reference.PrefectureCode ?? "none"}), {catalog.Reference.Industries.Count} industries");
        foreach (var policy in catalog.Funds.All)
            output.WriteLine($"ok  funds policy {policy.Jurisdiction} from {policy.EffectiveFrom:yyyy-MM-dd}: {string.Join(", ", policy.Items.Select(i => $"{i.Id} {i.Amount}"))}");
        return 0;
    }

    private static int Diagram(string directory, string definitionId, int? version, TextWriter output, TextWriter error)
    {
        var (catalog, errors) = WorkflowCatalog.Load(directory, effects: BuiltInEffects.Ids);
        if (catalog is null)
        {
            foreach (var e in errors) error.WriteLine(e);
            return 1;
        }
        var workflow = catalog.Find(definitionId, version ?? catalog.LatestPublished(definitionId)?.Version ?? 0);
        if (workflow is null)
        {
            error.WriteLine($"no definition '{definitionId}'{(version is null ? "" : $" v{version}")}");
            return 1;
        }
        output.WriteLine(workflow.MermaidDiagram());
        return 0;
    }

    private static async Task<int> VerifyAuditAsync(string? connection, IConfiguration configuration, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var db = Open(connection, configuration);
        var report = await Application.Audit.AuditVerifier.VerifyAsync(db, ct);
        foreach (var problem in report.Problems) error.WriteLine(problem);
        output.WriteLine($"{(report.IsIntact ? "intact" : $"{report.Problems.Count} problem(s)")}: history of {report.Instances} instance(s), {report.HistoryRows} row(s); audit of {report.Streams} day(s), {report.AuditRows} row(s)");
        return report.IsIntact ? 0 : 1;
    }

    private static PartyWorkflowDbContext Open(string? connection, IConfiguration configuration)
    {
        if (connection is not null) configuration["ConnectionStrings:Default"] = connection;
        var options = new DbContextOptionsBuilder<PartyWorkflowDbContext>();
        DatabaseProvider.Configure(options, ServiceCollectionExtensions.ConnectionString(configuration));
        return new PartyWorkflowDbContext(options.Options);
    }

    private static async Task<int> MigrateAsync(string? connection, string? appRole, IConfiguration configuration, TextWriter output, CancellationToken ct)
    {
        await using var db = Open(connection, configuration);
        var pending = await ServiceCollectionExtensions.MigrateAsync(db, appRole, new Application.Privacy.PersonalData(configuration, ServiceCollectionExtensions.ConnectionString(configuration)), ct);
        output.WriteLine(pending.Count == 0 ? "The database is up to date." : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
        if (appRole is not null) output.WriteLine($"Granted {appRole} reading and writing, but no UPDATE or DELETE on {string.Join(", ", DatabaseProvider.AppendOnlyTables)}.");
        return 0;
    }
}
