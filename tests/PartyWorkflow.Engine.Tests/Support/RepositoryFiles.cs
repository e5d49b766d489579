namespace PartyWorkflow.Engine.Tests.Support;

/// <summary>
/// Reads files of the repository the tests run in, so that the tests check the definition and
/// schema that ship rather than copies of them.
/// </summary>
internal static class RepositoryFiles
{
    public const string DefinitionPath = "workflows/member-development.v1.json";
    public const string SchemaPath = "workflows/schema/workflow-definition.schema.json";

    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root.Value, relativePath));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PartyWorkflow.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no PartyWorkflow.sln above {AppContext.BaseDirectory}");
    }
}
