using Microsoft.Extensions.FileSystemGlobbing;

namespace SnippetCheck.Discovery;

/// <summary>A Markdown file to verify: where it is, and how users see its path.</summary>
internal sealed record DocumentPath(string FullPath, string DisplayPath);

/// <summary>Raised for a path argument that names nothing.</summary>
internal sealed class DiscoveryException(string message) : Exception(message);

/// <summary>
/// Turns the paths and globs on the command line into Markdown files (README.md, "Configuration"): a file is taken as it is,
/// a folder is searched with the include and exclude globs, and bin, obj, node_modules and dot-folders
/// are never searched.
/// </summary>
internal static class DocumentDiscovery
{
    private static readonly string[] AlwaysExcluded = ["**/bin/**", "**/obj/**", "**/node_modules/**", "**/.*/**"];

    public static IReadOnlyList<DocumentPath> Find(
        IReadOnlyList<string> arguments, string currentDirectory, IReadOnlyList<string> include, IReadOnlyList<string> exclude)
    {
        var found = new SortedDictionary<string, DocumentPath>(StringComparer.Ordinal);
        foreach (var argument in arguments.Count == 0 ? ["."] : arguments)
        {
            foreach (var fullPath in Expand(argument, currentDirectory, include, exclude))
            {
                found.TryAdd(fullPath, new DocumentPath(fullPath, DisplayPath(fullPath, currentDirectory)));
            }
        }
        return [.. found.Values];
    }

    /// <summary>Relative to the current directory when below it, with forward slashes; otherwise absolute.</summary>
    public static string DisplayPath(string fullPath, string currentDirectory)
    {
        var relative = Path.GetRelativePath(currentDirectory, fullPath);
        var isBelow = !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
        return isBelow ? relative.Replace('\\', '/') : fullPath;
    }

    /// <summary>A project to verify: its C# files' doc comments are read, and its build is referenced (docs/doctests.md).</summary>
    public static bool IsProjectFile(string path) => path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> Expand(string argument, string currentDirectory, IReadOnlyList<string> include, IReadOnlyList<string> exclude)
    {
        var path = Path.GetFullPath(argument, currentDirectory);
        // The SDK's own default: every .cs file under the project's folder, bin and obj left out.
        if (IsProjectFile(path) && File.Exists(path)) return Match(Path.GetDirectoryName(path)!, ["**/*.cs"], exclude);
        if (File.Exists(path)) return [path];
        if (Directory.Exists(path)) return Match(path, include, exclude);
        if (argument.IndexOfAny(['*', '?', '[']) >= 0)
        {
            var (root, pattern) = SplitGlob(argument, currentDirectory);
            return Directory.Exists(root) ? Match(root, [pattern], exclude) : [];
        }
        throw new DiscoveryException($"'{argument}' is neither a file, a folder nor a glob that matches anything");
    }

    private static IEnumerable<string> Match(string root, IReadOnlyList<string> include, IReadOnlyList<string> exclude)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(include);
        matcher.AddExcludePatterns(exclude);
        matcher.AddExcludePatterns(AlwaysExcluded);
        return matcher.GetResultsInFullPath(root).Select(Path.GetFullPath);
    }

    /// <summary>Splits <c>posts/**/*.md</c> into the folder to search and the pattern to match in it.</summary>
    private static (string Root, string Pattern) SplitGlob(string glob, string currentDirectory)
    {
        var segments = glob.Replace('\\', '/').Split('/');
        var literal = segments.TakeWhile(s => s.IndexOfAny(['*', '?', '[']) < 0).ToList();
        var root = literal.Count == 0 ? currentDirectory : Path.GetFullPath(string.Join('/', literal) is { Length: > 0 } r ? r : "/", currentDirectory);
        return (root, string.Join('/', segments.Skip(literal.Count)));
    }
}
