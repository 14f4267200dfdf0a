using System.Text.RegularExpressions;

namespace SnippetCheck.Model;

/// <summary>A NuGet package a snippet asks for (<c>#:package Id@Version</c> or <c>#r "nuget: Id, Version"</c>).</summary>
/// <param name="Location">The directive's own place in the Markdown file.</param>
/// <param name="Version">The version; empty for a <c>packages=Id</c> tag not yet given the config's pin (<see cref="Unpinned"/>).</param>
internal sealed partial record PackageRequest(string Id, string Version, SourceLocation Location)
{
    /// <summary>NuGet IDs are case-insensitive; versions are kept as written.</summary>
    public string Key => $"{Id.ToLowerInvariant()}@{Version}";

    /// <summary>
    /// The requests with one version of each package, the first given: one program can use only one (SC1013), and a trial
    /// that adds a package a block already asks for (at the doc set's version) must not ask for it twice.
    /// </summary>
    public static IReadOnlyList<PackageRequest> OneVersionEach(IEnumerable<PackageRequest> requests) =>
        [.. requests.DistinctBy(p => p.Id, StringComparer.OrdinalIgnoreCase)];

    /// <summary>
    /// Where the version is written when it is not at <see cref="Location"/>: the config's <c>packageVersions</c> entry a
    /// <c>packages=Id</c> tag takes its version from, which <c>outdated --write</c> moves. Null: the version stands at the request.
    /// </summary>
    public SourceLocation? PinLocation { get; init; }

    /// <summary>A <c>packages=Id</c> tag, read before the config's <c>packageVersions</c> gave it a version.</summary>
    public bool Unpinned => Version.Length == 0;

    /// <summary>As a <c>packages=</c> tag writes it: <c>Id@Version</c>, or <c>Id</c> alone when the config pins the version.</summary>
    public string TagText => Unpinned ? Id : $"{Id}@{Version}";

    /// <summary>
    /// A pinned package as a <c>packages=</c> tag or the config's <c>packages</c> write it, <c>Spectre.Console@0.57.2</c>;
    /// null for any other text (no version, a range, a stray character).
    /// </summary>
    public static PackageRequest? TryParse(string text, SourceLocation location) =>
        PinnedPattern().Match(text.Trim()) is { Success: true } match ? new(match.Groups["id"].Value, match.Groups["version"].Value, location) : null;

    /// <summary>
    /// A package as a <c>packages=</c> tag may write it: pinned (<see cref="TryParse"/>), or its ID alone, whose version the
    /// config's <c>packageVersions</c> gives (one pin for a doc set, not one per block); null for any other text.
    /// </summary>
    public static PackageRequest? TryParseTag(string text, SourceLocation location) =>
        TryParse(text, location) ?? (IdPattern().IsMatch(text.Trim()) ? new(text.Trim(), "", location) : null);

    [GeneratedRegex(@"^(?<id>[A-Za-z0-9_][A-Za-z0-9_.-]*)@(?<version>[0-9]+(\.[0-9]+){1,3}(-[0-9A-Za-z.-]+)?)$")]
    private static partial Regex PinnedPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")]
    private static partial Regex IdPattern();
}
