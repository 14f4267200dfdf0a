namespace SnippetCheck.Tests.Infrastructure;

/// <summary>The checked-out repository, for tests that read its docs and GitHub files.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string PathOf(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "SnippetCheck.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"no SnippetCheck.sln above {AppContext.BaseDirectory}");
    }
}
