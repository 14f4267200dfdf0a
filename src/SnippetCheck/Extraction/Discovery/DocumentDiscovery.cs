using Microsoft.Extensions.FileSystemGlobbing;
using SnippetCheck.Model;

namespace SnippetCheck.Extraction.Discovery;

/// <summary>
/// Turns the paths and globs on the command line into documents (README.md, "Configuration"): a file is taken as it is,
/// a folder is searched with the include globs, a <c>.csproj</c> gives its C# files, and the <see cref="FileSet"/>'s
/// exclude globs and generated-file rule leave files out of all of them; bin, obj, node_modules and dot-folders
/// are never searched.
/// </summary>
internal static class DocumentDiscovery
{
    private static readonly string[] AlwaysExcluded = ["**/bin/**", "**/obj/**", "**/node_modules/**", "**/.*/**"];

    /// <summary>How a file came into the run: include globs apply to searched files only.</summary>
    private enum Found { Named, Searched, Project }

    internal static Discovered Find(IReadOnlyList<string> arguments, string currentDirectory, FileSet set, bool userInclude = false)
    {
        var found = new SortedDictionary<string, DocumentPath>(StringComparer.Ordinal);
        var includeUsed = new HashSet<string>(StringComparer.Ordinal);
        var excludeUsed = new HashSet<string>(StringComparer.Ordinal);
        var generated = new List<string>();
        var leftOut = new List<string>();
        var candidates = 0;
        var searched = false;
        foreach (var argument in arguments.Count == 0 ? ["."] : arguments)
        {
            foreach (var (fullPath, foundIn, how) in Expand(argument, currentDirectory))
            {
                if (how == Found.Searched)
                {
                    searched = true;
                    if (set.Matching(set.Include, fullPath, foundIn) is not { } include) continue;
                    includeUsed.Add(include);
                }
                candidates++;
                var display = DisplayPath(fullPath, currentDirectory);
                if (set.Matching(set.Exclude, fullPath, foundIn) is { } exclude)
                {
                    excludeUsed.Add(exclude);
                    leftOut.Add($"{display} (exclude glob '{exclude}')");
                    continue;
                }
                if (!set.IncludeGenerated && FileSet.IsGenerated(fullPath))
                {
                    if (!generated.Contains(fullPath)) generated.Add(fullPath);
                    leftOut.Add($"{display} (generated)");
                    continue;
                }
                found.TryAdd(fullPath, new DocumentPath(fullPath, display));
            }
        }
        var notes = new List<Diagnostic>();
        var root = DisplayPath(set.Root, currentDirectory) is var shown && shown == "." ? "the current directory" : $"'{shown}'";
        var from = set.ConfigPath is null ? $"relative to {root}" : $"relative to the config file's folder, {root}";
        if (searched && userInclude)
        {
            foreach (var glob in set.Include.Where(g => !includeUsed.Contains(g)))
                notes.Add(Diagnostic.Warning(DiagnosticCodes.GlobMatchedNothing,
                    $"include glob '{glob}' matched no file in the folders searched ({from})", set.PlaceOf(glob, currentDirectory)));
        }
        if (candidates > 0)
        {
            foreach (var glob in set.Exclude.Where(g => !excludeUsed.Contains(g)))
                notes.Add(Diagnostic.Warning(DiagnosticCodes.GlobMatchedNothing,
                    $"exclude glob '{glob}' matched none of the {(candidates == 1 ? "1 file" : $"{candidates} files")} found, so it left nothing " +
                    $"out ({from})", set.PlaceOf(glob, currentDirectory)));
        }
        foreach (var file in generated.Order(StringComparer.Ordinal))
        {
            notes.Add(new Diagnostic(DiagnosticCodes.GeneratedFileLeftOut, DiagnosticSeverity.Info,
                "a generated file: left out, its examples are not verified (config \"includeGenerated\": true verifies them)",
                new SourceLocation(DisplayPath(file, currentDirectory), 1, 1)));
        }
        return new Discovered([.. found.Values], notes, leftOut) { SearchedFolders = searched };
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

    private static IEnumerable<(string FullPath, string FoundIn, Found How)> Expand(string argument, string currentDirectory)
    {
        var path = Path.GetFullPath(argument, currentDirectory);
        if (IsProjectFile(path) && File.Exists(path))
        {
            // The SDK's own default: every .cs file under the project's folder, bin and obj left out.
            var folder = Path.GetDirectoryName(path)!;
            return Match(folder, ["**/*.cs"]).Select(f => (f, folder, Found.Project));
        }
        if (File.Exists(path)) return [(path, Path.GetDirectoryName(path)!, Found.Named)];
        if (Directory.Exists(path)) return Match(path, ["**/*"]).Select(f => (f, path, Found.Searched));
        if (argument.IndexOfAny(['*', '?', '[']) >= 0)
        {
            var (root, pattern) = SplitGlob(argument, currentDirectory);
            return Directory.Exists(root) ? Match(root, [pattern]).Select(f => (f, root, Found.Named)) : [];
        }
        throw new DiscoveryException($"'{argument}' is neither a file, a folder nor a glob that matches anything");
    }

    private static IEnumerable<string> Match(string root, IReadOnlyList<string> include)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(include);
        matcher.AddExcludePatterns(AlwaysExcluded);
        return matcher.GetResultsInFullPath(root).Select(Path.GetFullPath);
    }

    /// <summary>Splits <c>posts/**/*.md</c> into the folder to search and the pattern to match in it.</summary>
    private static (string Root, string Pattern) SplitGlob(string glob, string currentDirectory)
    {
        var segments = glob.Replace('\\', '/').Split('/');
        var literal = segments.TakeWhile(s => s.IndexOfAny(['*', '?', '[']) < 0).ToList();
        var root = literal.Count == 0 ? currentDirectory
            : Path.GetFullPath(string.Join('/', literal) is { Length: > 0 } r ? r : "/", currentDirectory);
        return (root, string.Join('/', segments.Skip(literal.Count)));
    }
}
