using SnippetCheck.Execution;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.References;

namespace SnippetCheck.Driver;

/// <summary>
/// What a tool asks of packages beside a run (<c>outdated</c>, <c>verify --packages newest</c>): the pins a block's program
/// restores, and the newest version of a package that restores for given frameworks, asked of the sources and restored
/// through the same package cache and NuGet.Config (the one nearest the run's config) as <c>verify</c>'s restores.
/// The restorer, the search and the package requests behind it are the core's own.
/// </summary>
public sealed class PackageService
{
    /// <summary>The config's <c>packages</c>, each located at its text in the config file.</summary>
    private readonly IReadOnlyList<PackageRequest> _configPins;
    private readonly NewestVersions _newest;
    private readonly string _folder;

    /// <param name="verifier">The run whose config (its <c>packages</c>, its folder) the pins and the look-ups follow.</param>
    /// <param name="prerelease">Previews count as newer versions.</param>
    /// <param name="lookupMaxAge">How long a source's answer is kept in the package cache before it is asked again.</param>
    public PackageService(Verifier verifier, bool prerelease, TimeSpan lookupMaxAge)
    {
        var currentDirectory = verifier.Options.CurrentDirectory;
        var config = verifier.Config;
        _configPins = ConfigPins.Of(config.Packages, config.SourcePath, currentDirectory);
        _folder = config.SourcePath is { } source ? Path.GetDirectoryName(Path.GetFullPath(source, currentDirectory))! : currentDirectory;
        var root = verifier.Options.PackageCacheRoot;
        var sandbox = BuildSandbox.Auto(verifier.Options.NuGetPackages);
        _newest = new NewestVersions(
            new PackageSearch(root, lookupMaxAge, sandbox), root, PackageCache.FindNuGetConfig(_folder), prerelease, lookupMaxAge, sandbox);
    }

    /// <summary>Requests made to the sources: version lists asked for, and restores run (none when every answer was kept).</summary>
    public int Requests => _newest.Requests;

    /// <summary>
    /// The pins <paramref name="block"/>'s program restores, each where its text stands: its own and its session's, its
    /// preludes', and the config's that it does not pin itself.
    /// </summary>
    public IReadOnlyList<PackagePin> PinsOf(PreparedDocument document, Snippet block) => ProgramPins.Of(document.Snippets, block, _configPins);

    /// <summary>
    /// The newest version of <paramref name="id"/> that restores for every one of <paramref name="frameworks"/>, tried newest
    /// first down to <paramref name="pinned"/>: null when no source lists the package; <paramref name="pinned"/> itself when no
    /// newer version restores. <c>Note</c> says why the newest listed version was not taken, or why none was found.
    /// </summary>
    public async Task<(string? Newest, string? Note)> NewestAsync(
        string id, string pinned, IReadOnlyList<TargetFramework> frameworks, CancellationToken cancellationToken)
    {
        var found = await _newest.FindAsync(id, pinned, frameworks, _folder, cancellationToken).ConfigureAwait(false);
        return (found.Newest, found.Note);
    }

    /// <summary>True when <paramref name="version"/> sorts above <paramref name="pinned"/> as NuGet orders versions.</summary>
    public static bool IsNewer(string version, string pinned) => NewestVersions.IsNewer(version, pinned);
}
