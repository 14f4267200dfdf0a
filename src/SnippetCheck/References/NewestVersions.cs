using System.Collections.Concurrent;
using System.Text.Json;
using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Caching.Store;
using SnippetCheck.Execution;

namespace SnippetCheck.References;

/// <summary>
/// The newest version of a package that restores for the frameworks its blocks verify on, through the same sources and
/// package cache as <c>verify</c>: the versions listed (<see cref="PackageSearch"/>) are tried newest first, each with a
/// restore per framework, down to the pinned one. The answer is kept in the package cache (<c>newest/</c>) for
/// <paramref name="maxAge"/>: a restore that fails is not kept by the restorer, and would ask the sources again.
/// </summary>
internal sealed class NewestVersions(
    PackageSearch search, string cacheRoot, string? nugetConfig, bool prerelease, TimeSpan maxAge, BuildSandbox? sandbox = null)
{
    /// <summary>How many versions above the pin are tried before the pin is kept: each is a restore per framework.</summary>
    private const int VersionsTried = 4;

    private readonly ConcurrentDictionary<TargetFramework, PackageRestorer> _restorers = new();

    private readonly ConcurrentDictionary<string, Lazy<Task<NewestVersion>>> _found = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Requests made to the sources: version lists asked for, and restores run (none when every answer was kept).</summary>
    public int Requests => search.Requests + _restoresRun;

    private int _restoresRun;

    public Task<NewestVersion> FindAsync(
        string id, string pinned, IReadOnlyList<TargetFramework> frameworks, string folder, CancellationToken cancellationToken) =>
        _found.GetOrAdd($"{id}|{pinned}|{string.Join(',', frameworks)}", _ => new Lazy<Task<NewestVersion>>(async () =>
        {
            var nugetConfigText = await GeneratedRestore.NuGetConfigTextAsync(nugetConfig, cancellationToken).ConfigureAwait(false);
            var key = new StoreKey().Add("id", id.ToLowerInvariant()).Add("pinned", pinned).Add("prerelease", prerelease).Add(
                "nuget.config", nugetConfigText);
            foreach (var framework in frameworks) key.Add("framework", framework.Moniker);
            var file = Path.Combine(cacheRoot, "newest", StoreKey.FolderName(key.Hash()) + ".json");
            if (File.Exists(file) && DateTime.UtcNow - File.GetLastWriteTimeUtc(file) < maxAge
                && StoreFile.TryRead(file, bytes => JsonSerializer.Deserialize<NewestVersion>(bytes)) is { } kept)
                return kept;
            var found = await FindUncachedAsync(id, pinned, frameworks, folder, cancellationToken).ConfigureAwait(false);
            // "Not listed" may be a source that could not be reached: it is asked again next time.
            if (found.Resolved)
            {
                StoreFile.Write(file, JsonSerializer.SerializeToUtf8Bytes(found));
            }
            return found;
        })).Value;

    /// <summary>The answer from the sources and restores, not from the kept ones.</summary>
    private async Task<NewestVersion> FindUncachedAsync(
        string id, string pinned, IReadOnlyList<TargetFramework> frameworks, string folder, CancellationToken cancellationToken)
    {
        var listed = await search.VersionsAsync(id, folder, prerelease, cancellationToken).ConfigureAwait(false);
        if (listed.Count == 0) return new NewestVersion(id, null, $"no source lists {id}");
        var newer = listed.TakeWhile(v => IsNewer(v, pinned)).Take(VersionsTried).ToList();
        string? refused = null;
        foreach (var version in newer)
        {
            if (await RestoreProblemAsync(id, version, frameworks, cancellationToken).ConfigureAwait(
                false) is not { } problem) return new NewestVersion(id, version, refused);
            refused ??= $"{id} {version} does not restore for {problem}";
        }
        return new NewestVersion(id, pinned, refused);
    }

    /// <summary>
    /// The first framework <paramref name="version"/> does not restore for, with NuGet's first line; null when it restores for all.
    /// </summary>
    private async Task<string?> RestoreProblemAsync(
        string id, string version, IReadOnlyList<TargetFramework> frameworks, CancellationToken cancellationToken)
    {
        foreach (var framework in frameworks)
        {
            var restorer = _restorers.GetOrAdd(
                framework, f => new PackageRestorer(cacheRoot, nugetConfig, f) { Sandbox = sandbox ?? BuildSandbox.Auto() });
            var outcome = await restorer.ResolveAsync(new PackageSet([new PackageRequest(id, version, default)]), web: false, cancellationToken)
                .ConfigureAwait(false);
            if (!outcome.FromCache) Interlocked.Increment(ref _restoresRun);
            var errorLine = outcome.Error?.Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))?.Trim();
            if (!outcome.Succeeded) return $"{framework}: {errorLine ?? outcome.Error?.Split('\n')[0]}";
        }
        return null;
    }

    /// <summary>True when <paramref name="version"/> sorts above <paramref name="pinned"/> as NuGet orders versions.</summary>
    internal static bool IsNewer(string version, string pinned) =>
        !string.Equals(version, pinned, StringComparison.OrdinalIgnoreCase) && PackageSearch.NewestFirst([version, pinned])[0] == version;
}
