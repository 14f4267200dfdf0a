using System.Xml;
using System.Xml.Linq;
using SnippetCheck.Execution;
using SnippetCheck.Extraction.Discovery;
using SnippetCheck.Model;

namespace SnippetCheck.References;

/// <summary>
/// What the restore and the build of a project may touch (<see cref="BuildSandbox"/>): read its folder and the folders
/// of the projects it references (<c>ProjectReference</c>s as MSBuild would read them, followed), and the files MSBuild,
/// the SDK and NuGet look for above them (<c>Directory.Build.*</c>, <c>Directory.Packages.props</c>, <c>global.json</c>,
/// <c>nuget.config</c>), the local feeds those configs name (<see cref="LocalFeeds"/>), and the rest of the repository
/// but its <c>.git</c> (where a checkout keeps its token); write only their <c>obj</c> folders and the output folder.
/// Nothing else of the machine: a folder <see cref="Checkout.Refusal"/> refuses stops the build before it starts.
/// </summary>
internal static class ProjectReach
{
    private static readonly string[] FilesAbove =
        ["Directory.Build.props", "Directory.Build.targets", "Directory.Build.rsp", "Directory.Packages.props", "global.json", "nuget.config"];

    /// <summary>
    /// The reach of <paramref name="project"/>'s restore and build, whose output goes to <paramref name="output"/>. The
    /// folders it writes are made before the build (<see cref="MakeWritable"/>): Landlock grants only what exists.
    /// </summary>
    /// <exception cref="ReachRefusedException">The project, a project it references or a feed is refused
    /// (<see cref="Checkout.Refusal"/>).</exception>
    public static BuildReach Of(string project, string output, Checkout checkout)
    {
        var folders = ProjectFolders(project, checkout);
        var read = new List<string>(folders.SelectMany(ExceptGit));
        // The repository around the project, unless it is one no build may read (a HOME kept in git).
        if (Checkout.RepositoryRoot(folders[0]) is { } root && checkout.Refusal(root) is null) read.AddRange(ExceptGit(root));
        var write = new List<string> { output };
        foreach (var folder in folders)
        {
            write.Add(Path.Combine(folder, "obj"));
            // From the folder itself: its own nuget.config names the feeds and fallback folders as those above do.
            for (var above = folder; above is not null; above = Path.GetDirectoryName(above)) read.AddRange(ConfigFiles(above, checkout));
        }
        var feeds = LocalFeeds.Granted(read, checkout);
        return new BuildReach([.. read.Concat(feeds).Distinct(StringComparer.Ordinal)], [.. write.Distinct(StringComparer.Ordinal)])
        {
            Feeds = feeds,
        };
    }

    /// <summary>
    /// <paramref name="folder"/> as a grant: itself, or, when it holds a <c>.git</c> (a repository's root), each of its
    /// entries but <c>.git</c>. Real libraries import props from anywhere in their repository (<c>eng/Versions.props</c>),
    /// and the compiler reads every <c>.editorconfig</c> above a source file. Landlock grants only what is named; a
    /// symbolic link is never named, as Landlock would grant where it points.
    /// </summary>
    private static IEnumerable<string> ExceptGit(string folder) =>
        !Path.Exists(Path.Combine(folder, ".git")) ? [folder]
            : new DirectoryInfo(folder).EnumerateFileSystemInfos()
                .Where(entry => entry.Name != ".git" && entry.LinkTarget is null)
                .Select(entry => entry.FullName)
                .ToList();

    /// <summary>
    /// The reach of a <c>dotnet</c> command the tool runs in <paramref name="folder"/> for itself (<c>--version</c>, NuGet's
    /// source list and search): the global.json and NuGet config files the host and NuGet read there and above, and the SDK
    /// folders that global.json names (<c>--untrusted</c> refuses those before); it writes nothing of it.
    /// </summary>
    public static BuildReach OfFolder(string folder)
    {
        var read = GlobalJsonSdk.FoldersFor(folder).ToList();
        for (var above = Path.GetFullPath(folder); above is not null; above = Path.GetDirectoryName(above)) read.AddRange(ConfigFiles(above, null));
        // The package search reads the local feeds those configs name, as a restore does (the checkout's own refused up front).
        var feeds = LocalFeeds.Granted(read, Checkout.Of(folder, untrusted: false));
        return new BuildReach([.. read.Concat(feeds).Distinct(StringComparer.Ordinal)], []) { Feeds = feeds };
    }

    public static void MakeWritable(BuildReach reach)
    {
        foreach (var folder in reach.Write) Directory.CreateDirectory(folder);
    }

    /// <summary>The NuGet config files in <paramref name="reach"/>, joined: a restore reads the ports of their sources.</summary>
    public static string ConfigText(BuildReach reach) =>
        string.Join('\n', reach.Read.Where(p => Path.GetFileName(p).Equals("nuget.config", StringComparison.OrdinalIgnoreCase) && File.Exists(p))
            .Select(File.ReadAllText));

    /// <summary>The <c>nuget.config</c> files in the folders above <paramref name="folder"/>: NuGet reads each, so a restore there must.</summary>
    public static IEnumerable<string> NuGetConfigsAbove(string folder)
    {
        for (var above = Path.GetDirectoryName(folder); above is not null; above = Path.GetDirectoryName(above))
        {
            foreach (var file in ConfigFiles(above, null).Where(
                f => Path.GetFileName(f).Equals("nuget.config", StringComparison.OrdinalIgnoreCase))) yield return file;
        }
    }

    /// <summary>The files MSBuild, the SDK and NuGet read in <paramref name="folder"/>; a link only where it leads to a file that may be
    /// read.</summary>
    private static IEnumerable<string> ConfigFiles(string folder, Checkout? checkout)
    {
        try
        {
            return Directory.EnumerateFiles(folder)
                .Where(f => FilesAbove.Contains(Path.GetFileName(f), StringComparer.OrdinalIgnoreCase))
                .Where(f => new FileInfo(f).LinkTarget is null || (checkout ?? Checkout.Of(folder, untrusted: false)).Refusal(f) is null)
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>The project's folder and those of the projects it references, transitively, where they really are.</summary>
    private static List<string> ProjectFolders(string project, Checkout checkout)
    {
        var start = Path.GetFullPath(project);
        if (checkout.Refusal(start) is { } refused)
        {
            var named = $"the project '{DocumentDiscovery.DisplayPath(start, checkout.CurrentDirectory)}'";
            throw ReachRefusedException.Of(checkout, null, named, refused);
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([start]);
        var folders = new List<string>();
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current) || !File.Exists(current)) continue;
            // Where the project file really is: a link's target's folder is what MSBuild reads, and what is granted.
            var folder = Path.GetDirectoryName(Checkout.RealPath(current))!;
            if (!folders.Contains(folder, StringComparer.Ordinal)) folders.Add(folder);
            foreach (var (include, place, certain) in References(current, checkout.CurrentDirectory))
            {
                var referenced = Path.GetFullPath(include.Replace('\\', '/'), Path.GetDirectoryName(current)!);
                // A conditional reference ('$(TargetFramework)' == 'net8.0') is followed as MSBuild may take it, but one
                // that would reach where no build may is left ungranted, not an error: MSBuild may well not take it.
                if (checkout.Refusal(referenced) is { } reason)
                {
                    if (certain) throw ReachRefusedException.Of(checkout, place, $"the ProjectReference '{include}'", reason);
                    continue;
                }
                pending.Push(referenced);
            }
        }
        return folders;
    }

    /// <summary>
    /// The projects <paramref name="project"/> references, as MSBuild reads its XML: comments are no references, nor is a
    /// reference under a condition that says <c>false</c>, or whose path holds a property, an item or a wildcard: if MSBuild
    /// takes such a one after all, the build fails to read it, as it is not granted, rather than reading it. Each with its
    /// place in the project file, and whether it is certain (no condition on it or above it that is not plainly true).
    /// </summary>
    private static IEnumerable<(string Include, SourceLocation Place, bool Certain)> References(string project, string currentDirectory)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(project, LoadOptions.SetLineInfo);
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            return []; // MSBuild fails on it too, reading nothing it names.
        }
        var display = DocumentDiscovery.DisplayPath(project, currentDirectory);
        return document.Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference" && !e.AncestorsAndSelf().Any(PlainlyFalse))
            .SelectMany(e => (e.Attribute("Include")?.Value ?? "")
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(include => include.IndexOfAny(['$', '@', '%', '*', '?']) < 0)
                .Select(include => (include, new SourceLocation(display, ((IXmlLineInfo)e).LineNumber, ((IXmlLineInfo)e).LinePosition),
                    e.AncestorsAndSelf().All(PlainlyTrue))))
            .ToList();
    }

    private static bool PlainlyFalse(XElement element) =>
        element.Attribute("Condition")?.Value.Trim() is { } condition && condition.Equals("false", StringComparison.OrdinalIgnoreCase);

    /// <summary>No condition, or one that says <c>true</c>; an <c>Otherwise</c> holds only when its <c>When</c>s do not.</summary>
    private static bool PlainlyTrue(XElement element) =>
        element.Name.LocalName != "Otherwise" && element.Attribute("Condition")?.Value.Trim() is null or "" or "true" or "True" or "TRUE";
}
