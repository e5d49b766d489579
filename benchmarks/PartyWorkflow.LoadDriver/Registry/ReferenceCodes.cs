using System.Text.Json;

namespace PartyWorkflow.LoadDriver.Registry;

public sealed record ReferenceItem(string Code, string Zh);

/// <summary>
/// The counties and industries the server accepts, read from the same files it loads
/// (<c>workflows/reference</c>), so that generated rows stay valid when a deployment changes the lists.
/// </summary>
public sealed record ReferenceCodes(IReadOnlyList<ReferenceItem> Counties, IReadOnlyList<ReferenceItem> Industries)
{
    public static ReferenceCodes Load(string repositoryRoot)
    {
        var folder = Path.Combine(repositoryRoot, "workflows", "reference");
        // The first county is the prefecture itself: units are registered in its counties.
        return new ReferenceCodes(Read(Path.Combine(folder, "counties.json")).Skip(1).ToList(), Read(Path.Combine(folder, "industries.json")));
    }

    private static List<ReferenceItem> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.GetProperty("items").EnumerateArray()
            .Select(item => new ReferenceItem(item.GetProperty("code").GetString()!, item.GetProperty("zh").GetString()!))
            .ToList();
    }
}
