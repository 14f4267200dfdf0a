using Microsoft.CodeAnalysis;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Adoption.Trials.Packages;
using SnippetCheck.Compilation;
using SnippetCheck.Driver;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using Found = SnippetCheck.Adoption.Inference.Packages.PackageInference.Found;

namespace SnippetCheck.Adoption.Trials;

/// <summary>
/// The trials of <see cref="PackageInference"/>: each failed block with the packages of its post that declare what it
/// lacks, then with the usings their types need, then (failing on the package's API) at older majors. Which packages, and
/// what a result says (rot, the doc set's version), is the rule's; here each is verified.
/// </summary>
internal static class PackageTrials
{
    /// <summary>
    /// Each failed block that lacks only names a package of its post declares, verified again as <c>compile</c> with those
    /// packages, and once more with the usings their types then need. The latest result of each block tried.
    /// </summary>
    /// <param name="failing">Untagged blocks that failed every earlier pass, with their last failure.</param>
    public static async Task<IReadOnlyList<SnippetResult>> TryAsync(
        IBlockTrials verifier, PackageFinds packages, IReadOnlyList<(PreparedDocument Document, SnippetResult Failed)> failing,
        CancellationToken cancellationToken)
    {
        var tries = await packages.TriesAsync(failing, cancellationToken).ConfigureAwait(false);
        var latest = (await verifier.VerifyLoneAsync([.. tries.Select(t => (t.Document, t.Snippet))], useCache: true, cancellationToken)
            .ConfigureAwait(false))
            .ToDictionary(r => r.Snippet.Location);
        await WithPackageUsingsAsync(verifier, tries, latest, cancellationToken).ConfigureAwait(false);
        await TryOlderMajorsAsync(verifier, packages, tries, latest, cancellationToken).ConfigureAwait(false);
        return [.. latest.Values];
    }

    /// <summary>
    /// The package's types often need its namespace, which the post's readers were told to import elsewhere. A web
    /// block's project imports the Web SDK's namespaces and references ASP.NET Core: its <c>Endpoint&lt;…&gt;</c> is the package's.
    /// The post's own types are passed over: with the package's usings, a session or the check level may give them.
    /// </summary>
    private static async Task WithPackageUsingsAsync(
        IBlockTrials verifier, List<(PreparedDocument Document, Snippet Snippet, IReadOnlyList<Found> Packages)> tries,
        Dictionary<SourceLocation, SnippetResult> latest, CancellationToken cancellationToken)
    {
        foreach (var web in (bool[])[false, true])
        {
            IReadOnlyList<string> webPaths = web
                ? [.. ReferenceAssemblies.Web.OfType<PortableExecutableReference>().Select(r => r.FilePath).OfType<string>()] : [];
            var failed = tries
                .Where(t => t.Snippet.Tags.WebSdk == web && latest.GetValueOrDefault(t.Snippet.Location)?.Status == SnippetStatus.Failed)
                .Select(t => (t.Document, latest[t.Snippet.Location],
                    (IReadOnlyList<string>)[.. t.Packages.SelectMany(p => p.Compile).Concat(webPaths).Distinct(StringComparer.Ordinal)]))
                .ToList();
            if (failed.Count == 0) continue;
            var imported = web ? ReferenceAssemblies.WebUsings : null;
            var (results, _) = await UsingTrials.AddInRoundsAsync(verifier, failed, cancellationToken, imported, skipUnknown: true)
                .ConfigureAwait(false);
            foreach (var result in results) latest[result.Snippet.Location] = result;
        }
    }

    /// <summary>
    /// The package blocks of <paramref name="tries"/> that fail with the newest version on its API, tried with older majors;
    /// <paramref name="latest"/> gets the results that pass.
    /// </summary>
    private static async Task TryOlderMajorsAsync(
        IBlockTrials verifier, PackageFinds packages, List<(PreparedDocument Document, Snippet Snippet, IReadOnlyList<Found> Packages)> tries,
        Dictionary<SourceLocation, SnippetResult> latest, CancellationToken cancellationToken)
    {
        tries = [.. tries.Where(t => !PackageEvidence.PageSaysItIsGone(t.Document.Snippets.Source, t.Snippet.Block))];
        var changed = tries.Where(t => latest.GetValueOrDefault(t.Snippet.Location) is { Status: SnippetStatus.Failed } r
            && (PackageInference.IsApiChange(r)
                || PackageInference.TypesGone(r, t.Packages, packages.Inference.DocSetDeclared(t.Document)) is { Count: > 0 })).ToList();
        foreach (var newest in changed.SelectMany(t => t.Packages).DistinctBy(p => p.Package.Id, StringComparer.OrdinalIgnoreCase).ToList())
        {
            var id = newest.Package.Id;
            var uses = tries.Where(t => t.Packages.Any(p => p.Package.Id.Equals(id, StringComparison.OrdinalIgnoreCase))).ToList();
            var document = uses[0].Document;
            var folder = Path.GetDirectoryName(Path.GetFullPath(document.Snippets.Source.Document.FullPath))!;
            var framework = document.SettingsFor(uses[0].Snippet).References;
            foreach (var version in await packages.OlderMajorsAsync(id, newest.Package.Version, folder, cancellationToken).ConfigureAwait(false))
            {
                var candidate = new PackageCandidate(id, version);
                var older = await packages.FindVersionAsync(candidate, folder, framework, cancellationToken).ConfigureAwait(false);
                if (older is null) continue;
                if (await TryVersionAsync(verifier, packages, uses, latest, newest, older, cancellationToken).ConfigureAwait(false)) break;
            }
        }
    }

    /// <summary>
    /// The blocks that use <paramref name="newest"/>, verified with <paramref name="older"/> instead: true when one that failed
    /// passes. Their rot is kept; they and the rest that pass are taken only when no block passes with the newest.
    /// </summary>
    private static async Task<bool> TryVersionAsync(
        IBlockTrials verifier, PackageFinds packages, List<(PreparedDocument Document, Snippet Snippet, IReadOnlyList<Found> Packages)> uses,
        Dictionary<SourceLocation, SnippetResult> latest, Found newest, Found older, CancellationToken cancellationToken)
    {
        PackageRequest Swapped(PackageRequest p) =>
            p.Id.Equals(older.Package.Id, StringComparison.OrdinalIgnoreCase) ? older.Package with { Location = p.Location } : p;
        // A type of the newest's namespaces it no longer declares ('CsvConfiguration', gone in CsvHelper 34) counts when the
        // older version declares it, and the doc set does not: the docs' own 'Request' is never a package's old type.
        bool OlderDeclaresWhatIsGone(SnippetResult r, PreparedDocument document) =>
            PackageInference.TypesGone(r, [newest], packages.Inference.DocSetDeclared(document)) is { Count: > 0 } gone
            && gone.All(older.Names.Contains);
        var before = uses.Select(u => (u.Document, Result: latest.GetValueOrDefault(u.Snippet.Location))).Where(u => u.Result is not null)
            .Where(u => u.Result!.Status == SnippetStatus.Passed || PackageInference.IsApiChange(u.Result)
                || OlderDeclaresWhatIsGone(u.Result, u.Document))
            .ToDictionary(u => u.Result!.Snippet.Location, u => u.Result!);
        var swapped = uses.Where(u => before.ContainsKey(u.Snippet.Location)).Select(u =>
        {
            var snippet = before[u.Snippet.Location].Snippet;
            return (u.Document, snippet with { Tags = snippet.Tags with { Packages = [.. snippet.Tags.Packages.Select(Swapped)] } });
        }).ToList();
        var results = (await verifier.VerifyLoneAsync(swapped, useCache: true, cancellationToken).ConfigureAwait(false)).ToList();
        // The older version's types live in namespaces the newest may lack ('CsvHelper.Configuration'): their usings, found again.
        var documents = swapped.ToDictionary(s => s.Item2.Location, s => s.Document);
        var (withUsings, _) = await UsingTrials.AddInRoundsAsync(verifier, [.. results.Where(r => r.Status == SnippetStatus.Failed)
            .Select(r => (documents[r.Snippet.Location], r, older.Compile))], cancellationToken, skipUnknown: true).ConfigureAwait(false);
        foreach (var result in withUsings) results[results.FindIndex(r => r.Snippet.Location == result.Snippet.Location)] = result;
        var rescued = results.Where(r => r.Status == SnippetStatus.Passed && before[r.Snippet.Location].Status == SnippetStatus.Failed).ToList();
        if (rescued.Count == 0) return false;
        // The older major is the set's version only when no block of the package passes at the newest: one that does is never
        // verified at an older version. Docs written for a newer major than the source serves pass some
        // blocks at the newest served and rescue others at an older one; taking the older for most would move the first ones
        // back two majors, and leave the rest at the newest beside them (two versions adopt chose itself, SC1013 in a session).
        var docSetVersion = before.Values.All(r => r.Status != SnippetStatus.Passed);
        foreach (var result in rescued)
        {
            packages.Inference.KeepOlderMajorRot(before[result.Snippet.Location], result, newest, older);
        }
        if (!docSetVersion) return true;
        foreach (var result in results.Where(r => r.Status == SnippetStatus.Passed)) latest[result.Snippet.Location] = result;
        // The later passes (a class, receivers, listings) find the package at the doc set's version.
        packages.Prefer(older);
        return true;
    }
}
