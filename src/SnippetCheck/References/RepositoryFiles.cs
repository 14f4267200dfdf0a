using System.Collections.Concurrent;

namespace SnippetCheck.References;

/// <summary>
/// What adopt reads of the git repository a page lives in, for its package hints (Adoption/Inference/Packages/RepositoryHints
/// reads them): its root, its <c>.git/config</c>, the names of the solution files at its root and the text of its projects
/// (at most <see cref="MaxProjects"/>, build output and dependencies passed over). Read once per repository, by the pass
/// that owns the package lookups, so the inference reads no disk.
/// </summary>
/// <param name="GitConfig">The text of <c>.git/config</c>; null when there is none (a <c>.git</c> file: a worktree's).</param>
/// <param name="Solutions">The names of the <c>.sln</c> and <c>.slnx</c> files at the root, without extension, at most two.</param>
/// <param name="Projects">Each <c>.csproj</c>'s path and text, in the order they are found.</param>
internal sealed record RepositoryFiles(
    string Root, string? GitConfig, IReadOnlyList<string> Solutions, IReadOnlyList<(string Path, string Text)> Projects)
{
    private const int MaxProjects = 200;

    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", ".git", "artifacts"];

    private static readonly ConcurrentDictionary<string, RepositoryFiles> ByRoot = new(StringComparer.Ordinal);

    /// <summary>The repository each of <paramref name="folders"/> is in (by <see cref="Key"/>), null for one outside any.</summary>
    public static IReadOnlyDictionary<string, RepositoryFiles?> Of(IEnumerable<string> folders)
    {
        var repositories = new Dictionary<string, RepositoryFiles?>(StringComparer.Ordinal);
        foreach (var key in folders.Select(Key).Distinct(StringComparer.Ordinal))
            repositories[key] = RootOf(key) is { } root ? ByRoot.GetOrAdd(root, Read) : null;
        return repositories;
    }

    /// <summary>A folder as <see cref="Of"/> keys it: its full path, without a separator at the end.</summary>
    public static string Key(string folder) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));

    /// <summary>The nearest folder at or above <paramref name="directory"/> holding a <c>.git</c> folder or file.</summary>
    private static string? RootOf(string directory)
    {
        for (var current = new DirectoryInfo(Path.GetFullPath(directory)); current is not null; current = current.Parent)
        {
            var git = Path.Combine(current.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git)) return current.FullName;
        }
        return null;
    }

    private static RepositoryFiles Read(string root)
    {
        var projects = new List<(string, string)>();
        foreach (var project in ProjectFiles(root))
        {
            try
            {
                projects.Add((project, File.ReadAllText(project)));
            }
            catch (IOException)
            {
            }
        }
        var config = Path.Combine(root, ".git", "config");
        return new(root, File.Exists(config) ? File.ReadAllText(config) : null, SolutionNames(root), projects);
    }

    /// <summary>The names of the solution files at the repository's root (<c>.sln</c> or <c>.slnx</c>), at most two.</summary>
    private static IReadOnlyList<string> SolutionNames(string root)
    {
        try
        {
            return [.. Directory.EnumerateFiles(root, "*.sln").Concat(Directory.EnumerateFiles(root, "*.slnx"))
                .Select(Path.GetFileNameWithoutExtension).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Take(2)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static IEnumerable<string> ProjectFiles(string root)
    {
        var found = 0;
        var pending = new Stack<string>([root]);
        while (pending.TryPop(out var folder) && found < MaxProjects)
        {
            IEnumerable<string> files, folders;
            try
            {
                files = Directory.EnumerateFiles(folder, "*.csproj").Order(StringComparer.Ordinal).ToList();
                folders = Directory.EnumerateDirectories(folder).Where(
                    d => !SkippedFolders.Contains(Path.GetFileName(d), StringComparer.OrdinalIgnoreCase)).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var file in files.Take(MaxProjects - found))
            {
                found++;
                yield return file;
            }
            foreach (var child in folders.OrderDescending(StringComparer.Ordinal)) pending.Push(child);
        }
    }
}
