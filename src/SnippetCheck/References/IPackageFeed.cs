using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.References;

/// <summary>
/// The package lookups adopt makes, beside its trials (made by its entry point, <see cref="PackageFeed.For"/>, and handed to
/// its passes apart from the seam): the stable versions the configured sources list for a package, and a restore of a set
/// of pinned packages, through the run's package cache and NuGet.Config. <see cref="PackageFeed"/> asks the sources and the
/// SDK; a test answers with canned versions and assets, so package inference and removed-API rot are unit-tested without a
/// network.
/// </summary>
internal interface IPackageFeed
{
    /// <summary>Where the package cache keeps its entries (adopt's answers on removed names among them).</summary>
    string CacheRoot { get; }

    /// <summary>The NuGet.Config in force for the run's folder; null when none (the SDK's defaults).</summary>
    string? NuGetConfig { get; }

    /// <summary>The stable versions of <paramref name="id"/>, newest first; empty when no source has one.</summary>
    Task<IReadOnlyList<string>> StableVersionsAsync(string id, string folder, CancellationToken cancellationToken);

    /// <summary>The packages restored: their compile assets, or why not.</summary>
    Task<ResolveOutcome> ResolveAsync(PackageSet packages, bool web, CancellationToken cancellationToken);
}
