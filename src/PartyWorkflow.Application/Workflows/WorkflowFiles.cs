using System.Text.Json;
using PartyWorkflow.Engine.Dates;
using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Application.Workflows;

/// <summary>
/// Reads the files of the workflows folder that are not definitions: working-day calendars
/// (<c>calendars/YYYY.json</c>) and jurisdiction overlays (<c>jurisdictions/*.json</c>), each checked
/// against its schema; every problem is reported with its file and JSON path.
/// </summary>
internal static class WorkflowFiles
{
    private static readonly JsonSerializerOptions CalendarOptions = new(JsonSerializerDefaults.Web);

    private sealed record CalendarFile(int Year, string? Source, List<string> Holidays, List<string> WorkingWeekends);

    public static WorkingDayCalendar LoadCalendars(string directory, List<DefinitionError> errors)
    {
        var years = new List<CalendarYear>();
        foreach (var (file, element) in Read(directory, "calendars", "working-day-calendar.schema.json", errors))
        {
            var name = Path.Combine("calendars", Path.GetFileName(file));
            var data = element.Deserialize<CalendarFile>(CalendarOptions)!;
            if (Path.GetFileNameWithoutExtension(file) != data.Year.ToString())
                errors.Add(new DefinitionError(name, "$.year", $"the file of year {data.Year} must be named {data.Year}.json"));
            years.Add(new CalendarYear(data.Year, Dates(data.Holidays, name, "$.holidays", errors), Dates(data.WorkingWeekends, name, "$.workingWeekends", errors)));
        }
        try
        {
            return new WorkingDayCalendar(years);
        }
        catch (ArgumentException ex)
        {
            errors.Add(new DefinitionError("calendars", "$", ex.Message));
            return WorkingDayCalendar.Empty;
        }
    }

    public static List<(string File, JurisdictionOverlay Overlay)> LoadOverlays(string directory, List<DefinitionError> errors) =>
        Read(directory, "jurisdictions", "jurisdiction-overlay.schema.json", errors)
            .Select(f => (Path.Combine("jurisdictions", Path.GetFileName(f.File)), f.Element.Deserialize<JurisdictionOverlay>(DefinitionJson.Options)!))
            .ToList();

    private static IEnumerable<(string File, JsonElement Element)> Read(string directory, string folder, string schemaFile, List<DefinitionError> errors)
    {
        var path = Path.Combine(directory, folder);
        if (!Directory.Exists(path)) yield break;
        var schema = SchemaCheck.FromText(File.ReadAllText(Path.Combine(directory, "schema", schemaFile)));
        foreach (var file in Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal))
        {
            var (root, fileErrors) = schema.Read(Path.Combine(folder, Path.GetFileName(file)), File.ReadAllText(file));
            errors.AddRange(fileErrors);
            if (root is { } element) yield return (file, element);
        }
    }

    private static List<DateOnly> Dates(List<string> texts, string file, string path, List<DefinitionError> errors)
    {
        var dates = new List<DateOnly>();
        for (var i = 0; i < texts.Count; i++)
            if (FactReader.TryParseDate(texts[i], out var date)) dates.Add(date);
            else errors.Add(new DefinitionError(file, $"{path}[{i}]", $"'{texts[i]}' is not a real date"));
        return dates;
    }
}
