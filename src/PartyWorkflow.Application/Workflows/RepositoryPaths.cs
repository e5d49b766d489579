namespace PartyWorkflow.Application.Workflows;

/// <summary>
/// Resolves configured relative paths against the repository root (the folder holding
/// <c>PartyWorkflow.sln</c>, found upwards from the program's own folder), so the server and the CLI
/// behave the same from any working directory.
/// </summary>
public static class RepositoryPaths
{
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path)) return path;
        return Path.GetFullPath(Path.Combine(Root() ?? Directory.GetCurrentDirectory(), path));
    }

    public static string? Root()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "PartyWorkflow.sln"))) return dir.FullName;
        return null;
    }
}
