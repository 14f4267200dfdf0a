using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.References;
using Found = SnippetCheck.Adoption.Inference.Packages.PackageInference.Found;

namespace SnippetCheck.Adoption.Trials.Packages;

/// <summary>
/// The versions of a package other than its newest that adopt looks up: the major a page names, the older major the docs
/// were written for (which of them is <see cref="PackageInference"/>'s OlderMajors to say), and each older major
/// <c>Trials/PackageTrials</c> tries a failing block at.
/// </summary>
internal sealed partial class PackageFinds
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Found?>>> _writtenFor = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>From now on the package is found at <paramref name="older"/>: the doc set's version (<see cref="PackageFinder.Prefer"/>).</summary>
    public void Prefer(Found older) => _finder.Prefer(older);

    /// <summary>The package at the version <paramref name="candidate"/> names, found and restored.</summary>
    public Task<Found?> FindVersionAsync(
        PackageCandidate candidate, string folder, ImmutableArray<MetadataReference> framework, CancellationToken cancellationToken) =>
        _finder.FindAsync(candidate, folder, framework, cancellationToken);

    /// <summary>Of the package's stable versions, the newest of each major below <paramref name="newest"/>'s, newest first.</summary>
    public async Task<IReadOnlyList<string>> OlderMajorsAsync(string id, string newest, string folder, CancellationToken cancellationToken) =>
        PackageInference.OlderMajors(await _finder.StableVersionsAsync(id, folder, cancellationToken).ConfigureAwait(false), newest);

    /// <summary>
    /// The package a candidate names: with no version, the newest version of the major the page names
    /// (<see cref="PackageInference.PageMajor"/>) when a source serves one that restores, else the older major the docs were
    /// written for when their names tell one (decided once per package), else the newest.
    /// </summary>
    private async Task<Found?> FindAsync(PackageCandidate candidate, SnippetDocument page, string folder,
        ImmutableArray<MetadataReference> framework, CancellationToken cancellationToken)
    {
        if (await _finder.FindAsync(candidate, folder, framework, cancellationToken).ConfigureAwait(false) is not { } found) return null;
        if (candidate.Version is not null) return found;
        if (await AtPageMajorAsync(found, page, folder, framework, cancellationToken).ConfigureAwait(false) is { } named) return named;
        return await _writtenFor.GetOrAdd(found.Package.Id, _ => new Lazy<Task<Found?>>(
            () => WrittenForAsync(found, folder, framework, cancellationToken))).Value.ConfigureAwait(false) ?? found;
    }

    /// <summary>
    /// The package at the newest served version of the major <paramref name="page"/> names, when that is not the newest's:
    /// Quartz.NET's <c>quartz-3.x/</c> pages at 3.22.10, not 4.7.3. Null when the page names none, or no version of it restores.
    /// </summary>
    private async Task<Found?> AtPageMajorAsync(Found newest, SnippetDocument page, string folder,
        ImmutableArray<MetadataReference> framework, CancellationToken cancellationToken)
    {
        if (inference.PageMajor(page, newest) is not { } major) return null;
        var id = newest.Package.Id;
        var versions = await _finder.StableVersionsAsync(id, folder, cancellationToken).ConfigureAwait(false);
        return PackageSearch.NewestFirst(versions).FirstOrDefault(v => PackageMajors.Major(v) == major) is { } version
            ? await _finder.FindAsync(new PackageCandidate(id, version), folder, framework, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>
    /// The version of a package the run's docs were written for: the first older major, newest first, that
    /// <see cref="PackageInference.IsWrittenFor"/> says their names tell; null when none does (the newest).
    /// </summary>
    private async Task<Found?> WrittenForAsync(
        Found newest, string folder, ImmutableArray<MetadataReference> framework, CancellationToken cancellationToken)
    {
        var (id, newestVersion) = (newest.Package.Id, newest.Package.Version);
        foreach (var version in await OlderMajorsAsync(id, newestVersion, folder, cancellationToken).ConfigureAwait(false))
        {
            var older = await _finder.FindAsync(new PackageCandidate(id, version), folder, framework, cancellationToken).ConfigureAwait(false);
            if (older is not null && inference.IsWrittenFor(newest, older)) return older;
        }
        return null;
    }
}
