using System.Text.Json;
using PartyWorkflow.Engine.Definitions;

namespace PartyWorkflow.Application.Workflows;

/// <summary>A code of a reference list with its names.</summary>
public sealed record ReferenceItem(string Code, string Zh, string? En);

/// <summary>
/// The reference lists under <c>workflows/reference/</c>: the counties of the prefecture (the first
/// item is the prefecture itself; a work committee's area is one of these) and the industries. Codes
/// are what units and reports store; the names are for people.
/// </summary>
public sealed class ReferenceLists(IReadOnlyList<ReferenceItem> counties, IReadOnlyList<ReferenceItem> industries)
{
    public static readonly ReferenceLists Empty = new([], []);

    private readonly Dictionary<string, ReferenceItem> countyByCode = counties.ToDictionary(c => c.Code);
    private readonly Dictionary<string, ReferenceItem> industryByCode = industries.ToDictionary(i => i.Code);

    public IReadOnlyList<ReferenceItem> Counties => counties;
    public IReadOnlyList<ReferenceItem> Industries => industries;

    /// <summary>The prefecture's own code: the first of the counties list.</summary>
    public string? PrefectureCode => counties.Count > 0 ? counties[0].Code : null;

    /// <summary>
    /// The county a report or ledger is restricted to: null for the whole area (none asked, or the
    /// prefecture's own code); an unknown code is a 404.
    /// </summary>
    public string? AreaFilter(string? county)
    {
        if (county is null || county == PrefectureCode) return null;
        return County(county) is null ? throw new Common.NotFoundException("county", county) : county;
    }

    public ReferenceItem? County(string? code) => code is null ? null : countyByCode.GetValueOrDefault(code);
    public ReferenceItem? Industry(string? code) => code is null ? null : industryByCode.GetValueOrDefault(code);

    private sealed record ListFile(string List, string? Source, List<ReferenceItem> Items);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>Reads <c>reference/counties.json</c> and <c>reference/industries.json</c>; a missing folder is empty lists.</summary>
    public static ReferenceLists Load(string directory, List<DefinitionError> errors)
    {
        var folder = Path.Combine(directory, "reference");
        if (!Directory.Exists(folder)) return Empty;
        var schema = SchemaCheck.FromText(File.ReadAllText(Path.Combine(directory, "schema", "reference-list.schema.json")));
        var lists = new Dictionary<string, List<ReferenceItem>>();
        var before = errors.Count;
        foreach (var name in new[] { "counties", "industries" })
        {
            var file = Path.Combine("reference", name + ".json");
            var path = Path.Combine(directory, file);
            if (!File.Exists(path))
            {
                errors.Add(new DefinitionError(file, "$", "the reference list is missing"));
                continue;
            }
            var (root, fileErrors) = schema.Read(file, File.ReadAllText(path));
            errors.AddRange(fileErrors);
            if (root is not { } element) continue;
            var data = element.Deserialize<ListFile>(Options)!;
            if (data.List != name) errors.Add(new DefinitionError(file, "$.list", $"the file {name}.json must hold the list '{name}'"));
            foreach (var duplicate in data.Items.GroupBy(i => i.Code).Where(g => g.Count() > 1))
                errors.Add(new DefinitionError(file, "$.items", $"the code {duplicate.Key} appears more than once"));
            lists[name] = data.Items;
        }
        return errors.Count > before ? Empty : new ReferenceLists(lists["counties"], lists["industries"]);
    }
}
