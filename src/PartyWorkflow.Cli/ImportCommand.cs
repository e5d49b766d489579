using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using PartyWorkflow.Application;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Units.Import;
using PartyWorkflow.Persistence;
using Spectre.Console;

namespace PartyWorkflow.Cli;

/// <summary><c>partyworkflow units import FILE [--dry-run]</c>: the survey import against the database, with a progress bar.</summary>
internal static class ImportCommand
{
    public static async Task<int> RunAsync(string file, bool dryRun, string? connection, IConfiguration configuration, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            error.WriteLine($"no such file: {file}");
            return 1;
        }
        if (connection is not null) configuration["ConnectionStrings:Default"] = connection;
        var options = new PartyWorkflowOptions { WorkflowsPath = configuration["PartyWorkflow:WorkflowsPath"] ?? new PartyWorkflowOptions().WorkflowsPath };
        var dbOptions = new DbContextOptionsBuilder<PartyWorkflowDbContext>();
        DatabaseProvider.Configure(dbOptions, ServiceCollectionExtensions.ConnectionString(configuration));
        await using var db = new PartyWorkflowDbContext(dbOptions.Options);
        var importer = new UnitImporter(db, ServiceCollectionExtensions.LoadCatalog(options), new Clock(TimeProvider.System, options));
        var content = await File.ReadAllBytesAsync(file, ct);

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        ImportReport report;
        try
        {
            report = await console.Progress().StartAsync(async context =>
            {
                var task = context.AddTask(dryRun ? "检查 / checking" : "导入 / importing");
                var result = await importer.ImportAsync(content, file, dryRun, new Progress<(int Done, int Total)>(p => (task.MaxValue, task.Value) = (p.Total, p.Done)), ct);
                task.StopTask();
                return result;
            });
        }
        catch (SurveyFileException ex)
        {
            error.WriteLine($"the file is refused, nothing was written: {ex.Message}");
            return 1;
        }
        foreach (var e in report.Errors) error.WriteLine($"row {e.Row}, {e.Column}: {e.Message}");
        output.WriteLine($"{(dryRun ? "dry run, nothing written: " : "")}{report.Rows} rows: {report.Created} created, {report.Updated} updated, {report.Unchanged} unchanged, {report.Errors.Select(e => e.Row).Distinct().Count()} with errors");
        return report.Errors.Count == 0 ? 0 : 2;
    }
}
