using System.Collections.Concurrent;
using System.Text.Json;
using SnippetCheck.Model;
using SnippetCheck.References;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Caching.Store;

namespace SnippetCheck.Adoption.Rot;

/// <summary>A name the current version of a package lacks and an older one declared: the last version that had it.</summary>
/// <param name="Obsolete">The message the last version marked it <c>[Obsolete]</c> with (often the new name); null for none.</param>
internal sealed record RemovedName(string Package, string LastVersion, string? Obsolete);

/// <summary>
/// Finds the last version of a package that declared a name its current version lacks (removed or renamed
/// API), through the run's <see cref="IPackageFeed"/> (the pieces <c>outdated</c> uses): the versions the sources list and a
/// restore of each version looked at (kept in the package cache). A few versions are
/// probed (the last of each of the majors before the current one, and two spread over the current major, for a 0.x
/// package), then the gap after the newest probe that has the name is halved down to the last minor that had it. A
/// member of a package's type or a namespace under its root is the package's for sure and is looked for six majors back
/// (an upgrade guide to 9 of a package at 12 needs 8.x); a bare name, which may be the post's own, three.
/// Each answer, found or not, is kept in the package cache (<c>removed/</c>): older versions do not change. A "not
/// found" kept from a shallower search is searched again.
/// </summary>
internal sealed class RemovedNames(IPackageFeed feed)
{
    /// <summary>Restores at once: each is an SDK build.</summary>
    private readonly SemaphoreSlim _restores = new(Math.Max(2, Environment.ProcessorCount));

    private readonly ConcurrentDictionary<string, Lazy<Task<DeclaredApi?>>> _apis = new(StringComparer.OrdinalIgnoreCase);

    private readonly ConcurrentDictionary<string, Lazy<Task<RemovedName?>>> _found = new(StringComparer.Ordinal);

    /// <summary>
    /// The last version of <paramref name="id"/> older than <paramref name="current"/> that declared <paramref name="name"/>;
    /// null when the current version declares it, or no older version looked at does.
    /// </summary>
    public Task<RemovedName?> FindAsync(string id, string current, ApiName name, string folder, CancellationToken cancellationToken) =>
        _found.GetOrAdd($"{id.ToLowerInvariant()}|{current}|{name}|{name.IsNamespace}", _ => new Lazy<Task<RemovedName?>>(async () =>
        {
            var nugetConfigText = await GeneratedRestore.NuGetConfigTextAsync(feed.NuGetConfig, cancellationToken).ConfigureAwait(false);
            var key = new StoreKey().Add("id", id.ToLowerInvariant()).Add("current", current).Add("name", name.ToString()).Add(
                "namespace", name.IsNamespace)
                .Add("nuget.config", nugetConfigText);
            var file = Path.Combine(feed.CacheRoot, "removed", StoreKey.FolderName(key.Hash()) + ".json");
            var majors = OlderMajors(name);
            if (File.Exists(file) && StoreFile.TryRead(file, bytes => JsonSerializer.Deserialize<Kept>(bytes)) is { } kept
                && (kept.Found is not null || kept.Majors >= majors)) return kept.Found;
            var (found, answered) = await FindUncachedAsync(id, current, name, majors, folder, cancellationToken).ConfigureAwait(false);
            // A version list or restore that failed (no network) is no answer: asked again next time.
            if (answered) StoreFile.Write(file, JsonSerializer.SerializeToUtf8Bytes(new Kept(found, majors)));
            return found;
        })).Value;

    /// <summary>
    /// <paramref name="name"/> as <paramref name="id"/> <paramref name="current"/> itself declares and marks
    /// <c>[Obsolete]</c> (a CS0619 the compiler gave is then the package's doing, not a name of the post's or another
    /// library's), with that message; null when it does not. Its type is looked at too: <c>'Acme.Old'</c> quotes a type.
    /// </summary>
    public async Task<RemovedName?> MarkedObsoleteAsync(string id, string current, ApiName name, CancellationToken cancellationToken)
    {
        if (await ApiAsync(id, current, cancellationToken).ConfigureAwait(false) is not { } now) return null;
        if (now.Declares(name) && now.ObsoleteMessage(name) is { } message) return new RemovedName(id, current, message);
        var type = new ApiName(null, name.Name);
        return now.DeclaresType(name.Name) && now.ObsoleteMessage(type) is { } typeMessage ? new RemovedName(id, current, typeMessage) : null;
    }

    /// <summary>How many majors before the current one are looked at: six for a package's member or namespace, three for a bare name.</summary>
    internal static int OlderMajors(ApiName name) => name.Type is not null || name.IsNamespace ? 6 : 3;

    /// <summary>
    /// What is kept of an answer: the removed name, or null for "no older version declares it", and how many older majors were looked at.
    /// </summary>
    private sealed record Kept(RemovedName? Found, int Majors = 3);

    private async Task<(RemovedName? Found, bool Answered)> FindUncachedAsync(string id, string current, ApiName name, int majors, string folder,
        CancellationToken cancellationToken)
    {
        if (await ApiAsync(id, current, cancellationToken).ConfigureAwait(false) is not { } now) return (null, false);
        if (now.Declares(name)) return (null, true);
        var listed = await feed.StableVersionsAsync(id, folder, cancellationToken).ConfigureAwait(false);
        if (listed.Count == 0) return (null, false);
        var lines = LastOfEachMinor(listed.Where(v => NewestFirst(current, v)));
        var probes = Probes(lines, current, majors);
        // Newest first: the newest probe that has the name, and the probe (or the current version) just newer than it, which has not.
        int? hit = null;
        foreach (var probe in probes)
        {
            if (await DeclaresAsync(id, probe, name, cancellationToken).ConfigureAwait(false))
            {
                hit = lines.IndexOf(probe);
                break;
            }
        }
        if (hit is not { } lo) return (null, true);
        var hi = probes.Select(p => lines.IndexOf(p)).Where(i => i < lo).DefaultIfEmpty(-1).Max();
        while (lo - hi > 1)
        {
            var mid = (lo + hi) / 2;
            if (await DeclaresAsync(id, lines[mid], name, cancellationToken).ConfigureAwait(false)) lo = mid;
            else hi = mid;
        }
        var last = lines[lo];
        var obsolete = (await ApiAsync(id, last, cancellationToken).ConfigureAwait(false))?.ObsoleteMessage(name);
        return (new RemovedName(id, last, obsolete), true);
    }

    /// <summary>True when <paramref name="older"/> sorts below <paramref name="current"/>.</summary>
    private static bool NewestFirst(string current, string older) =>
        !string.Equals(current, older, StringComparison.OrdinalIgnoreCase) && PackageSearch.NewestFirst([current, older])[0] == current;

    /// <summary>The newest version of each major.minor, newest first: a name is seldom removed in a patch.</summary>
    internal static List<string> LastOfEachMinor(IEnumerable<string> versions) =>
        [.. PackageSearch.NewestFirst(versions).GroupBy(v => string.Join('.', v.Split('.').Take(2))).Select(g => g.First())];

    /// <summary>
    /// The versions looked at first, newest first: the last of each of <paramref name="majors"/> older majors, two spread over the current one.
    /// </summary>
    internal static List<string> Probes(List<string> lines, string current, int majors)
    {
        var major = Major(current);
        var probes = lines.Where(v => Major(v) < major).GroupBy(Major).Take(majors).Select(g => g.First()).ToList();
        var same = lines.Where(v => Major(v) == major).ToList();
        if (same.Count >= 3) probes.AddRange([same[same.Count / 3], same[2 * same.Count / 3]]);
        return [.. probes.Distinct().OrderBy(lines.IndexOf)];
    }

    private static int Major(string version) => int.TryParse(version.Split('.')[0], out var major) ? major : 0;

    private async Task<bool> DeclaresAsync(string id, string version, ApiName name, CancellationToken cancellationToken) =>
        (await ApiAsync(id, version, cancellationToken).ConfigureAwait(false))?.Declares(name) == true;

    /// <summary>The API of one version of the package, restored for the tool's framework; null when it does not restore.</summary>
    private Task<DeclaredApi?> ApiAsync(string id, string version, CancellationToken cancellationToken) =>
        _apis.GetOrAdd($"{id}|{version}", _ => new Lazy<Task<DeclaredApi?>>(async () =>
        {
            ResolveOutcome outcome;
            await _restores.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var request = new PackageSet([new PackageRequest(id, version, new SourceLocation("", 0, 0))]);
                outcome = await feed.ResolveAsync(request, web: false, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _restores.Release();
            }
            if (outcome.Assets is not { Compile.Count: > 0 } assets) return null;
            // Its own assemblies only, in the package's folder: not what it depends on.
            var separator = Path.DirectorySeparatorChar;
            var own = $"{separator}{id.ToLowerInvariant()}{separator}{version.ToLowerInvariant()}{separator}";
            var paths = assets.Compile.Where(p => p.Contains(own, StringComparison.OrdinalIgnoreCase)).ToList();
            return DeclaredApi.Read(paths.Count > 0 ? paths : assets.Compile);
        })).Value;
}
