namespace PartyWorkflow.LoadDriver;

public static class RepositoryRoot
{
    /// <summary>The folder with PartyWorkflow.sln, above the working directory or above this program's build output.</summary>
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
                if (File.Exists(Path.Combine(directory.FullName, "PartyWorkflow.sln"))) return directory.FullName;
        throw new DirectoryNotFoundException("PartyWorkflow.sln not found above the working directory or the program");
    }
}
