using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using SnippetCheck.References;

namespace SnippetCheck.Adoption.Inference.Packages;

/// <summary>A NuGet package a post may be about, and the version to pin when the evidence names one.</summary>
/// <param name="Version">Null when only the ID is known: the newest stable version is then looked up.</param>
internal sealed partial record PackageCandidate(string Id, string? Version)
{
    /// <summary><c>NAME</c> or <c>NAME@VERSION</c>, as <c>adopt --package</c> takes it; null when it is neither.</summary>
    internal static PackageCandidate? TryParse(string text) =>
        Stated().Match(text.Trim()) is { Success: true } m
            ? new PackageCandidate(m.Groups["id"].Value, m.Groups["version"].Success ? m.Groups["version"].Value : null)
            : null;

    [GeneratedRegex(@"^(?<id>[A-Za-z0-9_][A-Za-z0-9_.-]*)(@(?<version>[0-9]+(\.[0-9]+){1,3}(-[0-9A-Za-z.-]+)?))?$")]
    private static partial Regex Stated();
}

/// <summary>
/// What the repository a post lives in says about the package it is about: its own package first (<see cref="Own"/>),
/// then the projects in it, which a library's docs usually describe, and the packages they reference, with their
/// versions. Read from the repository's files as the pass that owns the package lookups gathered them, once per
/// repository (<see cref="RepositoryFiles"/>): the pages' folders outside any repository have none.
/// </summary>
/// <param name="repositories">The repository of each page folder of the run, by <see cref="RepositoryFiles.Key"/>.</param>
internal sealed partial class RepositoryHints(IReadOnlyDictionary<string, RepositoryFiles?> repositories)
{
    /// <summary>No page is in a repository: no hints.</summary>
    public static RepositoryHints None { get; } = new(new Dictionary<string, RepositoryFiles?>());

    private readonly ConcurrentDictionary<string, (IReadOnlyList<PackageCandidate> Own, IReadOnlyList<PackageCandidate> All)> _byRoot =
        new(StringComparer.Ordinal);

    /// <summary>The candidates of the repository holding <paramref name="directory"/>; none outside a repository.</summary>
    public IReadOnlyList<PackageCandidate> For(string directory) =>
        RepositoryOf(directory) is { } files ? _byRoot.GetOrAdd(files.Root, _ => Read(files)).All : [];

    /// <summary>
    /// The repository's own package, as alternatives tried in order (the first a source serves is the one): its name,
    /// from its <c>origin</c> remote, else from its one solution file (<c>CsvHelper.sln</c>); the projects named as it
    /// is first (<c>language-ext</c>: <c>LanguageExt.Core</c>), then the name itself. None when the repository names
    /// itself nowhere: the name of the folder it was copied into ('docs') is the copier's word, not a package.
    /// </summary>
    public IReadOnlyList<PackageCandidate> Own(string directory) =>
        RepositoryOf(directory) is { } files ? _byRoot.GetOrAdd(files.Root, _ => Read(files)).Own : [];

    /// <summary>The root of the repository holding <paramref name="directory"/> (a folder of the run's pages); null outside one.</summary>
    internal string? RepositoryRoot(string directory) => RepositoryOf(directory)?.Root;

    private RepositoryFiles? RepositoryOf(string directory) => repositories.GetValueOrDefault(RepositoryFiles.Key(directory));

    private static (IReadOnlyList<PackageCandidate> Own, IReadOnlyList<PackageCandidate> All) Read(RepositoryFiles files)
    {
        var candidates = new List<PackageCandidate>();
        var projects = new List<string>();
        foreach (var (project, text) in files.Projects)
        {
            foreach (Match reference in PackageReference().Matches(text))
            {
                var version = reference.Groups["version"];
                candidates.Add(new(reference.Groups["id"].Value, version.Success ? version.Value : null));
            }
            var id = PackageId().Match(text) is { Success: true } m ? m.Groups["id"].Value : Path.GetFileNameWithoutExtension(project);
            candidates.Add(new(id, null));
            projects.Add(id);
        }
        var own = OwnOf(OriginName(files.GitConfig) ?? (files.Solutions.Count == 1 ? files.Solutions[0] : null), projects);
        return (own, [.. own.Concat(candidates).DistinctBy(c => c.Id, StringComparer.OrdinalIgnoreCase)]);
    }

    /// <summary>
    /// The projects named as the repository is (their letters and digits, in any case), then those named so with
    /// <c>.Core</c>, then the name itself.
    /// </summary>
    private static IReadOnlyList<PackageCandidate> OwnOf(string? name, IReadOnlyList<string> projects)
    {
        if (name is null) return [];
        var key = Key(name);
        var named = projects.Where(p => Key(p) == key).Concat(projects.Where(p => Key(p) == key + "core"));
        var group = named.Append(name).Where(id => PackageCandidate.TryParse(id) is not null);
        return [.. group.Distinct(StringComparer.OrdinalIgnoreCase).Select(id => new PackageCandidate(id, null))];
    }

    private static string Key(string name) => new string([.. name.Where(char.IsLetterOrDigit)]).ToLowerInvariant();

    /// <summary>The repository name in <c>.git/config</c>'s <c>origin</c> URL (<c>github.com/owner/NAME.git</c>).</summary>
    private static string? OriginName(string? config)
    {
        if (config is null) return null;
        var match = OriginUrl().Match(config);
        if (!match.Success) return null;
        var url = match.Groups["url"].Value.Trim().TrimEnd('/');
        if (url.EndsWith(".git", StringComparison.OrdinalIgnoreCase)) url = url[..^4];
        var name = url[(url.LastIndexOfAny(['/', ':']) + 1)..];
        return name.Length > 0 ? name : null;
    }

    [GeneratedRegex(@"<PackageReference\s+Include=""(?<id>[^""]+)""(\s+Version=""(?<version>[0-9][^""]*)"")?", RegexOptions.IgnoreCase)]
    private static partial Regex PackageReference();

    [GeneratedRegex(@"<PackageId>\s*(?<id>[A-Za-z0-9_.-]+)\s*</PackageId>", RegexOptions.IgnoreCase)]
    private static partial Regex PackageId();

    [GeneratedRegex(@"\[remote ""origin""\][^\[]*?url\s*=\s*(?<url>\S+)", RegexOptions.Singleline)]
    private static partial Regex OriginUrl();
}
