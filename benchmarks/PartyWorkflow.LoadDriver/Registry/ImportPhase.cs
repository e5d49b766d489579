using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Npgsql;

namespace PartyWorkflow.LoadDriver.Registry;

/// <summary>The importer's answer, as <c>POST /api/units/import</c> returns it.</summary>
public sealed record ImportCounts(int Rows, int Created, int Updated, int Unchanged, int Errors);

/// <summary>One upload: from sending the file to the whole answer, with the CPU of the server and of PostgreSQL meanwhile.</summary>
public sealed record ImportTiming(TimeSpan Elapsed, double ServerCpuMs, double PostgresCpuMs, ImportCounts Counts);

public sealed record ImportRound(int Round, int FileBytes, ImportTiming First, ImportTiming Second);

/// <summary>
/// The survey import over HTTP, as the counties upload theirs one after another: per round a new
/// file with its own credit codes, the first upload (every row created) and the same file again
/// (every row unchanged), into the registry the earlier rounds filled (200, 10,200, 20,200 units).
/// The rounds do not empty the table in between: after a TRUNCATE, the server's lookups by credit
/// code took 75 times as long in PostgreSQL (2.4 s instead of 32 ms for the 20 batches; a plan cached
/// on its connections, presumably), and no deployment truncates its registry. A small file is
/// imported first, unmeasured, so that the JIT of the whole import path is not all in round 1. A
/// count other than expected stops the run: the time would be of something else.
/// </summary>
public static class ImportPhase
{
    private const int WarmUpRows = 200;

    public static async Task<List<ImportRound>> RunAsync(Options options, HttpClient http, NpgsqlDataSource database, Probes probes,
        ReferenceCodes reference, Action<string> progress, CancellationToken ct)
    {
        var warmUp = SurveyWorkbook.Xlsx(batch: 0, WarmUpRows, reference);
        Expect("the warm-up import", (await UploadAsync(http, warmUp, probes, ct)).Counts.Created, WarmUpRows, "created");
        Expect("the warm-up import again", (await UploadAsync(http, warmUp, probes, ct)).Counts.Unchanged, WarmUpRows, "unchanged");

        var rounds = new List<ImportRound>();
        for (var round = 1; round <= options.ImportRounds; round++)
        {
            await RegistryTables.CheckpointAsync(database, ct);
            var file = SurveyWorkbook.Xlsx(batch: round, options.ImportRows, reference);
            var first = await UploadAsync(http, file, probes, ct);
            Expect($"round {round}'s first import", first.Counts.Created, options.ImportRows, "created");
            var second = await UploadAsync(http, file, probes, ct);
            Expect($"round {round}'s second import", second.Counts.Unchanged, options.ImportRows, "unchanged");
            progress($"import round {round}: {options.ImportRows:N0} rows ({file.Length / 1024:N0} KiB) created in {first.Elapsed.TotalSeconds:0.00} s, unchanged in {second.Elapsed.TotalSeconds:0.00} s");
            rounds.Add(new ImportRound(round, file.Length, first, second));
        }
        return rounds;
    }

    private static async Task<ImportTiming> UploadAsync(HttpClient http, byte[] file, Probes probes, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(part, "file", "survey.xlsx");
        var before = probes.Cpu();
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsync("/api/units/import", form, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        var elapsed = clock.Elapsed;
        var cpu = probes.Cpu() - before;
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"the import was answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        using var report = JsonDocument.Parse(body);
        var root = report.RootElement;
        var counts = new ImportCounts(root.GetProperty("rows").GetInt32(), root.GetProperty("created").GetInt32(),
            root.GetProperty("updated").GetInt32(), root.GetProperty("unchanged").GetInt32(), root.GetProperty("errors").GetArrayLength());
        return new ImportTiming(elapsed, ProcStat.TicksToMilliseconds(cpu.ServerTicks), ProcStat.TicksToMilliseconds(cpu.PostgresTicks), counts);
    }

    private static void Expect(string what, int actual, int expected, string counted)
    {
        if (actual != expected)
            throw new InvalidOperationException($"{what}: {actual} rows {counted}, {expected} expected");
    }
}
