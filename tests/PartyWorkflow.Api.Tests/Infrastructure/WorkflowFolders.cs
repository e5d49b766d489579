using System.Text.Json.Nodes;
using PartyWorkflow.Application.Workflows;

namespace PartyWorkflow.Api.Tests.Infrastructure;

/// <summary>Copies of the repository's workflows folder, to break on purpose.</summary>
public static class WorkflowFolders
{
    public static string Original => Path.Combine(RepositoryPaths.Root()!, "workflows");

    /// <summary>A full copy of the workflows folder (definitions, schemas, calendars, jurisdictions).</summary>
    public static string Copy()
    {
        var folder = Directory.CreateTempSubdirectory("pw-workflows-").FullName;
        foreach (var file in Directory.GetFiles(Original, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(Original, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return folder;
    }

    /// <summary>A copy in which step 2's number is the string "two": broken at $.stages[0].steps[1].number.</summary>
    public static string Broken()
    {
        var folder = Copy();
        var definition = JsonNode.Parse(File.ReadAllText(Path.Combine(Original, "member-development.v1.json")))!;
        definition["stages"]![0]!["steps"]![1]!["number"] = "two";
        File.WriteAllText(Path.Combine(folder, "member-development.v1.json"), definition.ToJsonString());
        return folder;
    }
}
