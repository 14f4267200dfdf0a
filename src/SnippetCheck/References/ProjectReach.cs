using System.Text.RegularExpressions;
using SnippetCheck.Execution;

namespace SnippetCheck.References;

/// <summary>
/// What the restore and the build of a project may touch (<see cref="BuildSandbox"/>): read its folder and the folders
/// of the projects it references (literal <c>ProjectReference</c> paths, followed), and the files MSBuild, the SDK and
/// NuGet look for above them (<c>Directory.Build.*</c>, <c>Directory.Packages.props</c>, <c>global.json</c>,
/// <c>nuget.config</c>), and the rest of the repository but its <c>.git</c> (where a checkout keeps its token); write only
/// their <c>obj</c> folders and the output folder. Nothing else of the machine.
/// </summary>
internal static partial class ProjectReach
{
    private static readonly string[] FilesAbove =
        ["Directory.Build.props", "Directory.Build.targets", "Directory.Build.rsp", "Directory.Packages.props", "global.json", "nuget.config"];

    /// <summary>
    /// The reach of <paramref name="project"/>'s restore and build, whose output goes to <paramref name="output"/>. The
    /// folders it writes are made before the build (<see cref="MakeWritable"/>): Landlock grants only what exists.
    /// </summary>
    public static BuildReach Of(string project, string output)
    {
        var folders = ProjectFolders(project);
        var read = new List<string>(folders);
        read.AddRange(RepositoryExceptGit(Path.GetDirectoryName(Path.GetFullPath(project))!));
        var write = new List<string> { output };
        foreach (var folder in folders)
        {
            write.Add(Path.Combine(folder, "obj"));
            // From the folder itself: its own nuget.config names the feeds and fallback folders (ConfigText) as those above do.
            for (var above = folder; above is not null; above = Path.GetDirectoryName(above)) read.AddRange(ConfigFiles(above));
        }
        return new BuildReach([.. read.Distinct(StringComparer.Ordinal)], [.. write.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The repository around <paramref name="folder"/> (the nearest folder above it with a <c>.git</c>), but its
    /// <c>.git</c>: real libraries import props from anywhere in their repository (<c>eng/Versions.props</c>), and the
    /// compiler reads every <c>.editorconfig</c> above a source file. Landlock grants only what is named, so each entry
    /// of the root is named but <c>.git</c>; a symbolic link is never named, as Landlock would grant where it points.
    /// </summary>
    private static IEnumerable<string> RepositoryExceptGit(string folder)
    {
        for (var root = folder; root is not null; root = Path.GetDirectoryName(root))
        {
            if (!Path.Exists(Path.Combine(root, ".git"))) continue;
            return new DirectoryInfo(root).EnumerateFileSystemInfos()
                .Where(entry => entry.Name != ".git" && entry.LinkTarget is null)
                .Select(entry => entry.FullName)
                .ToList();
        }
        return [];
    }

    /// <summary>
    /// The reach of a <c>dotnet</c> command the tool runs in <paramref name="folder"/> for itself (<c>--version</c>, NuGet's
    /// source list and search): the global.json and NuGet config files the host and NuGet read there and above, and the SDK
    /// folders that global.json names (<c>--untrusted</c> refuses those before); it writes nothing of it.
    /// </summary>
    public static BuildReach OfFolder(string folder)
    {
        var read = GlobalJsonSdk.FoldersFor(folder).ToList();
        for (var above = Path.GetFullPath(folder); above is not null; above = Path.GetDirectoryName(above)) read.AddRange(ConfigFiles(above));
        return new BuildReach(read, []);
    }

    public static void MakeWritable(BuildReach reach)
    {
        foreach (var folder in reach.Write) Directory.CreateDirectory(folder);
    }

    /// <summary>
    /// The NuGet config files in <paramref name="reach"/>, joined, their relative sources made absolute: a restore reads their local feeds.
    /// </summary>
    public static string ConfigText(BuildReach reach) =>
        string.Join('\n', reach.Read.Where(p => Path.GetFileName(p).Equals("nuget.config", StringComparison.OrdinalIgnoreCase) && File.Exists(p))
            .Select(p => AbsoluteSources(File.ReadAllText(p), Path.GetDirectoryName(p)!)));

    /// <summary>A config's relative local sources made absolute against its folder, as NuGet reads them.</summary>
    private static string AbsoluteSources(string text, string folder) =>
        RelativeSource().Replace(text, m => m.Groups["pre"].Value + Path.GetFullPath(m.Groups["value"].Value, folder) + "\"");

    /// <summary>The <c>nuget.config</c> files in the folders above <paramref name="folder"/>: NuGet reads each, so a restore there must.</summary>
    public static IEnumerable<string> NuGetConfigsAbove(string folder)
    {
        for (var above = Path.GetDirectoryName(folder); above is not null; above = Path.GetDirectoryName(above))
        {
            foreach (var file in ConfigFiles(above).Where(
                f => Path.GetFileName(f).Equals("nuget.config", StringComparison.OrdinalIgnoreCase))) yield return file;
        }
    }

    private static IEnumerable<string> ConfigFiles(string folder)
    {
        try
        {
            return Directory.EnumerateFiles(folder).Where(f => FilesAbove.Contains(Path.GetFileName(f), StringComparer.OrdinalIgnoreCase)).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>The project's folder and those of the projects it references, transitively.</summary>
    private static List<string> ProjectFolders(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        var folders = new List<string>();
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current) || !File.Exists(current)) continue;
            var folder = Path.GetDirectoryName(current)!;
            if (!folders.Contains(folder, StringComparer.Ordinal)) folders.Add(folder);
            string text;
            try
            {
                text = File.ReadAllText(current);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (Match reference in ProjectReference().Matches(text))
            {
                foreach (var include in reference.Groups["include"].Value.Split(
                    ';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!include.Contains("$(", StringComparison.Ordinal)) pending.Push(Path.GetFullPath(include.Replace('\\', '/'), folder));
                }
            }
        }
        return folders;
    }

    [GeneratedRegex(@"<ProjectReference\b[^>]*\bInclude\s*=\s*""(?<include>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex ProjectReference();

    [GeneratedRegex(@"(?<pre><add\b[^>]*\bvalue\s*=\s*"")(?<value>\.{1,2}[/\\][^""]*|[^""/\\:]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeSource();
}
