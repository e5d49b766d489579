using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Diagnostics;
using PartyWorkflow.Api.Tests.Infrastructure;
using PartyWorkflow.Cli;

namespace PartyWorkflow.Api.Tests;

public sealed class StartupTests
{
    private const string BrokenAt = "member-development.v1.json: $.stages[0].steps[1].number";

    [Fact]
    public async Task A_broken_definition_stops_the_server_naming_file_and_json_path()
    {
        var (code, output, errors) = await RunServerUntilItStopsAsync(new()
        {
            ["PartyWorkflow__WorkflowsPath"] = WorkflowFolders.Broken(),
            ["ConnectionStrings__Default"] = TestDatabases.CreateSqlite(),
        });

        Assert.Equal(1, code);
        Assert.Contains(BrokenAt, errors);
        Assert.DoesNotContain("running at", output);
    }

    [Fact]
    public async Task On_postgres_without_personal_data_keys_the_server_does_not_start_and_says_what_to_set()
    {
        var (code, output, errors) = await RunServerUntilItStopsAsync(new() { ["ConnectionStrings__Default"] = await TestDatabases.CreatePostgresAsync() });

        Assert.Equal(1, code);
        Assert.Contains("PartyWorkflow:PersonalData: PostgreSQL needs the keys configured", errors);
        Assert.DoesNotContain("running at", output);
    }

    /// <summary>Starts the server as deployed with these settings and waits (a minute at most) for it to stop by itself.</summary>
    private static async Task<(int Code, string Output, string Errors)> RunServerUntilItStopsAsync(Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location]) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }

    [Fact]
    public async Task Started_from_another_folder_the_server_reads_its_settings_and_logs_no_sql()
    {
        var port = Ports.Free();
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetTempPath(),
            Environment =
            {
                ["ConnectionStrings__Default"] = TestDatabases.CreateSqlite(),
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["PartyWorkflow__Reminders__SchedulerEnabled"] = "false",
            },
        };
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (true)
            {
                try
                {
                    if ((await http.GetAsync("/health", timeout.Token)).IsSuccessStatusCode) break;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200, timeout.Token);
                }
            }
            string printed;
            lock (output) printed = output.ToString();
            await DemoUsers.SignInAsync(http, printed, "demo-admin");
            await http.GetStringAsync("/api/instances");
            await http.GetStringAsync("/api/party-organizations");
            await Task.Delay(500);
            string text;
            lock (output) text = output.ToString();
            Assert.Contains("is running at", text);
            Assert.DoesNotContain("Executed DbCommand", text);
            Assert.DoesNotContain("SELECT", text);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task Definitions_validate_accepts_the_repository_definitions()
    {
        var (code, output, _) = await RunCliAsync("definitions", "validate", WorkflowFolders.Original);
        Assert.Equal(0, code);
        Assert.Contains("member-development v1", output);
    }

    [Fact]
    public async Task Definitions_validate_fails_on_a_broken_file_naming_file_and_json_path()
    {
        var (code, _, errors) = await RunCliAsync("definitions", "validate", WorkflowFolders.Broken());
        Assert.Equal(1, code);
        Assert.Contains(BrokenAt, errors);
    }

    [Fact]
    public async Task Definitions_validate_refuses_a_misspelt_from_step_and_an_unknown_rule_parameter_naming_them()
    {
        var folder = WorkflowFolders.Copy();
        var file = Path.Combine(folder, "member-development.v1.json");
        var definition = JsonNode.Parse(File.ReadAllText(file))!;
        var designation = definition["stages"]![2]!["steps"]![0]!["rules"]![0]!["parameters"]!;
        designation["fromStep"] = "confirm-activst";
        designation["monthz"] = 12;
        File.WriteAllText(file, definition.ToJsonString());

        var (code, _, errors) = await RunCliAsync("definitions", "validate", folder);

        Assert.Equal(1, code);
        Assert.Contains("$.stages[2].steps[0].rules[0].parameters.fromStep: 'confirm-activst' is not a step of the definition", errors);
        Assert.Contains("$.stages[2].steps[0].rules[0].parameters.monthz: 'activist-training-one-year' has no parameter 'monthz'", errors);
    }

    [Fact]
    public async Task Definitions_validate_checks_overlays_and_calendars_too()
    {
        var folder = WorkflowFolders.Copy();
        File.WriteAllText(Path.Combine(folder, "jurisdictions", "broken.json"), """
            { "jurisdictionId": "broken", "version": 1, "name": { "zh": "坏", "en": "broken" }, "definitionId": "member-development",
              "rules": [ { "step": "confirm-activist", "id": "no-such-rule", "enabled": true } ] }
            """);
        File.WriteAllText(Path.Combine(folder, "calendars", "2030.json"), """{ "year": 2030, "holidays": ["2030-02-30"], "workingWeekends": [] }""");

        var (code, _, errors) = await RunCliAsync("definitions", "validate", folder);
        Assert.Equal(1, code);
        Assert.Contains(Path.Combine("jurisdictions", "broken.json") + ": $.rules[0]", errors);
        Assert.Contains(Path.Combine("calendars", "2030.json") + ": $.holidays[0]", errors);
    }

    [Fact]
    public async Task Definitions_diagram_prints_mermaid()
    {
        var (code, output, _) = await RunCliAsync("definitions", "diagram", "member-development");
        Assert.Equal(0, code);
        Assert.StartsWith("stateDiagram", output);
    }

    [Fact]
    public async Task Db_migrate_creates_the_schema_and_is_repeatable()
    {
        var connection = TestDatabases.CreateSqlite();
        var (first, firstOutput, _) = await RunCliAsync("db", "migrate", "--connection", connection);
        Assert.Equal(0, first);
        Assert.Contains("Applied", firstOutput);
        var (second, secondOutput, _) = await RunCliAsync("db", "migrate", "--connection", connection);
        Assert.Equal(0, second);
        Assert.Contains("up to date", secondOutput);
    }

    [Fact]
    public async Task Db_migrate_works_on_postgres()
    {
        var (code, output, _) = await RunCliAsync("db", "migrate", "--connection", TestDatabases.OwnerOf(await TestDatabases.CreatePostgresAsync()), "--grant", TestDatabases.AppRole);
        Assert.Equal(0, code);
        Assert.Contains("Applied", output);
        Assert.Contains("Granted partyworkflow_app", output);
    }

    [Fact]
    public async Task Users_create_admin_reads_the_password_from_standard_input_and_the_admin_signs_in()
    {
        var connection = await TestDatabases.CreatePostgresAsync();
        Assert.Equal(0, (await RunCliAsync("db", "migrate", "--connection", TestDatabases.OwnerOf(connection), "--grant", TestDatabases.AppRole)).Code);
        var (none, _, noneErrors) = await RunCliAsync(new StringReader(""), "users", "create-admin", "--user", "root", "--connection", connection);
        Assert.Equal(2, none);
        Assert.Contains("standard input", noneErrors);
        var (weak, _, _) = await RunCliAsync(new StringReader("short\n"), "users", "create-admin", "--user", "root", "--connection", connection);
        Assert.Equal(1, weak);
        var (code, output, _) = await RunCliAsync(new StringReader("Cli-admin-Password-2026\n"), "users", "create-admin", "--user", "root", "--connection", connection);
        Assert.Equal((0, true), (code, output.Contains("created")));

        await using var server = new ApiFactory(connection, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(ApiFixture.Start));
        using var login = await server.CreateDefaultClient().PostAsJsonAsync("/api/auth/login", new { userName = "root", password = "Cli-admin-Password-2026" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    private static Task<(int Code, string Output, string Errors)> RunCliAsync(params string[] args) => RunCliAsync(null, args);

    private static async Task<(int Code, string Output, string Errors)> RunCliAsync(TextReader? input, params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await CliApp.RunAsync(args, output, errors, input);
        return (code, output.ToString(), errors.ToString());
    }
}
