using System.Collections.Concurrent;
using SnippetCheck.Driver;
using SnippetCheck.Model;
using SnippetCheck.References;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption;

/// <summary>
/// Docs written for an older major of their package (issue 54): AutoMapper's pages create
/// <c>new MapperConfiguration(cfg =&gt; …)</c>, whose one-argument constructor its newest major dropped. A block that fails with
/// the newest version on a member or constructor of the package (CS1729, CS7036, CS1061, CS0117, CS1501, CS1503) is tried
/// with the newest version of each older major, newest first; when one passes, the difference is suspected rot, never
/// hidden: "verifies with AutoMapper 14.0.0 but fails with 17.0.0". Only docs written
/// for the older major are verified at it: when it passes more than twice as many of the package's blocks as the newest,
/// it is the doc set's version (the blocks that pass with it take it, the later passes find the package at it, and the
/// config gets one pin). Otherwise the newest stays, and the blocks that fail with it stay unverified, their rot listed
/// (a removed name's own evidence, with its [Obsolete] advice, replaces this one): pinning a doc set that mostly works
/// with the newest to an old major would hide its rot. An upgrade guide's blocks show the old API on purpose
/// (RemovedApiRot guards them): they are neither tried nor counted.
/// </summary>
internal sealed partial class PackageInference
{
    /// <summary>A member or constructor of a type the block binds that does not fit as written: what a new major changes.</summary>
    private static readonly HashSet<string> ApiChangeIds = ["CS1729", "CS7036", "CS1061", "CS0117", "CS1501", "CS1503"];

    /// <summary>How many older majors are tried for a package: each is a restore and a verification of its failing blocks.</summary>
    private const int OlderMajorsTried = 3;

    private readonly ConcurrentDictionary<SourceLocation, SuspectedRot> _olderMajorRot = new();

    /// <summary>The blocks of <paramref name="document"/> verified at an older major than the newest, as suspected rot.</summary>
    public IEnumerable<SuspectedRot> OlderMajorRot(SnippetDocument document) =>
        document.Snippets.Select(s => _olderMajorRot.GetValueOrDefault(s.Location)).OfType<SuspectedRot>();

    /// <summary>
    /// The package blocks of <paramref name="tries"/> that fail with the newest version on its API, tried with older majors;
    /// <paramref name="latest"/> gets the results that pass.
    /// </summary>
    private async Task TryOlderMajorsAsync(
        Verifier verifier, List<(PreparedDocument Document, Snippet Snippet, IReadOnlyList<Found> Packages)> tries,
        Dictionary<SourceLocation, SnippetResult> latest, CancellationToken cancellationToken)
    {
        tries = [.. tries.Where(t => !RemovedApiRot.PageSaysItIsGone(t.Document.Snippets.Source.Document, t.Snippet.Block))];
        var changed = tries.Where(t => latest.GetValueOrDefault(t.Snippet.Location) is { Status: SnippetStatus.Failed } r && IsApiChange(r)).ToList();
        foreach (var newest in changed.SelectMany(t => t.Packages).DistinctBy(p => p.Package.Id, StringComparer.OrdinalIgnoreCase).ToList())
        {
            var id = newest.Package.Id;
            var uses = tries.Where(t => t.Packages.Any(p => p.Package.Id.Equals(id, StringComparison.OrdinalIgnoreCase))).ToList();
            var document = uses[0].Document;
            var folder = Path.GetDirectoryName(Path.GetFullPath(document.Snippets.Source.Document.FullPath))!;
            var framework = document.SettingsFor(uses[0].Snippet).References;
            foreach (var version in await OlderMajorsAsync(id, newest.Package.Version, folder, cancellationToken).ConfigureAwait(false))
            {
                var older = await _finder.FindAsync(new PackageCandidate(id, version), folder, framework, cancellationToken).ConfigureAwait(false);
                if (older is null) continue;
                if (await TryVersionAsync(verifier, uses, latest, newest, older, cancellationToken).ConfigureAwait(false)) break;
            }
        }
    }

    /// <summary>
    /// The blocks that use <paramref name="newest"/>, verified with <paramref name="older"/> instead: true when one that failed
    /// passes. Those are taken, with their rot; the rest too when the older version passes more blocks than the newest.
    /// </summary>
    private async Task<bool> TryVersionAsync(
        Verifier verifier, List<(PreparedDocument Document, Snippet Snippet, IReadOnlyList<Found> Packages)> uses,
        Dictionary<SourceLocation, SnippetResult> latest, Found newest, Found older, CancellationToken cancellationToken)
    {
        PackageRequest Swapped(PackageRequest p) =>
            p.Id.Equals(older.Package.Id, StringComparison.OrdinalIgnoreCase) ? older.Package with { Location = p.Location } : p;
        var before = uses.Select(u => latest.GetValueOrDefault(u.Snippet.Location)).OfType<SnippetResult>()
            .Where(r => r.Status == SnippetStatus.Passed || IsApiChange(r)).ToDictionary(r => r.Snippet.Location);
        var results = await verifier.VerifyLoneAsync([.. uses.Where(u => before.ContainsKey(u.Snippet.Location)).Select(u =>
        {
            var snippet = before[u.Snippet.Location].Snippet;
            return (u.Document, snippet with { Tags = snippet.Tags with { Packages = [.. snippet.Tags.Packages.Select(Swapped)] } });
        })], useCache: true, cancellationToken).ConfigureAwait(false);
        var rescued = results.Where(r => r.Status == SnippetStatus.Passed && before[r.Snippet.Location].Status == SnippetStatus.Failed).ToList();
        if (rescued.Count == 0) return false;
        var passedNewest = before.Values.Count(r => r.Status == SnippetStatus.Passed);
        var docSetVersion = results.Count(r => r.Status == SnippetStatus.Passed) > 2 * passedNewest;
        foreach (var result in rescued)
        {
            var error = before[result.Snippet.Location].Diagnostics.First(d => d.IsError);
            _olderMajorRot[result.Snippet.Location] = new SuspectedRot(error.Location, error.Id, error.Message, RotEvidence.KnownApi,
                $"verifies with {older.Package.Id} {older.Package.Version} but fails with {newest.Package.Version}, the newest")
                { Block = result.Snippet.Location, LastVersion = older.Package.Version };
        }
        if (!docSetVersion) return true;
        foreach (var result in results.Where(r => r.Status == SnippetStatus.Passed)) latest[result.Snippet.Location] = result;
        // The later passes (a class, receivers, listings) find the package at the doc set's version.
        _finder.Prefer(older);
        return true;
    }

    /// <summary>Of the package's stable versions, the newest of each major below <paramref name="newest"/>'s, newest first.</summary>
    private async Task<IReadOnlyList<string>> OlderMajorsAsync(string id, string newest, string folder, CancellationToken cancellationToken)
    {
        var major = Major(newest);
        var versions = await _finder.StableVersionsAsync(id, folder, cancellationToken).ConfigureAwait(false);
        return [.. PackageSearch.NewestFirst(versions).Where(v => Major(v) < major).DistinctBy(Major).Take(OlderMajorsTried)];
    }

    private static int Major(string version) => int.TryParse(version.Split('.')[0], out var major) ? major : -1;

    /// <summary>Every error the block has is one of <see cref="ApiChangeIds"/>: nothing else in it is missing.</summary>
    private static bool IsApiChange(SnippetResult result) =>
        result.Diagnostics.Where(d => d.IsError).ToList() is { Count: > 0 } errors && errors.All(e => ApiChangeIds.Contains(e.Id));
}
