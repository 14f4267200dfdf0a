using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.References;

/// <summary>
/// The package lookups of a run whose pages are in or below a folder: the sources' version lists (<see cref="PackageSearch"/>)
/// and restores (<see cref="PackageRestorer"/>), through the package cache and that folder's NuGet.Config.
/// </summary>
internal sealed class PackageFeed(string cacheRoot, string? nugetConfig) : IPackageFeed
{
    private readonly PackageSearch _search = new(cacheRoot);

    private readonly PackageRestorer _restorer = new(cacheRoot, nugetConfig);

    /// <summary>The lookups for pages in or below <paramref name="folder"/>: the package cache, and the NuGet.Config over it.</summary>
    public static PackageFeed For(string folder) => new(PackageCache.DefaultRoot, PackageCache.FindNuGetConfig(folder));

    public string CacheRoot => cacheRoot;

    public string? NuGetConfig => nugetConfig;

    public Task<IReadOnlyList<string>> StableVersionsAsync(string id, string folder, CancellationToken cancellationToken) =>
        _search.StableVersionsAsync(id, folder, cancellationToken);

    public Task<ResolveOutcome> ResolveAsync(PackageSet packages, bool web, CancellationToken cancellationToken) =>
        _restorer.ResolveAsync(packages, web, cancellationToken);
}
