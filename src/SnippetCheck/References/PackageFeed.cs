using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Execution;

namespace SnippetCheck.References;

/// <summary>
/// The package lookups of a run whose pages are in or below a folder: the sources' version lists (<see cref="PackageSearch"/>)
/// and restores (<see cref="PackageRestorer"/>), through the package cache and that folder's NuGet.Config.
/// </summary>
internal sealed class PackageFeed(string cacheRoot, string? nugetConfig, string? nugetPackages = null) : IPackageFeed
{
    private readonly PackageSearch _search = new(cacheRoot, sandbox: BuildSandbox.Auto(nugetPackages));

    private readonly PackageRestorer _restorer = new(cacheRoot, nugetConfig) { Sandbox = BuildSandbox.Auto(nugetPackages) };

    /// <summary>
    /// The lookups for pages in or below <paramref name="folder"/>: the run's package cache and NuGet packages folder
    /// (<paramref name="nugetPackages"/>, null for NuGet's default), and the NuGet.Config over the folder.
    /// </summary>
    public static PackageFeed For(string folder, string cacheRoot, string? nugetPackages) =>
        new(cacheRoot, PackageCache.FindNuGetConfig(folder), nugetPackages);

    public string CacheRoot => cacheRoot;

    public string? NuGetConfig => nugetConfig;

    public Task<IReadOnlyList<string>> StableVersionsAsync(string id, string folder, CancellationToken cancellationToken) =>
        _search.StableVersionsAsync(id, folder, cancellationToken);

    public Task<ResolveOutcome> ResolveAsync(PackageSet packages, bool web, CancellationToken cancellationToken) =>
        _restorer.ResolveAsync(packages, web, cancellationToken);
}
