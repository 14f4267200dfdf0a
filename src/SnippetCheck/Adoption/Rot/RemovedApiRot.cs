using System.Text.RegularExpressions;
using SnippetCheck.Adoption.Inference;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Adoption.Proposals;
using SnippetCheck.References;
using SnippetCheck.Programs;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption.Rot;

/// <summary>
/// The strongest evidence of rot (docs/authoring.md, "What adopt reports as rot"): a name a block uses that the current
/// version of a package its post uses lacks and an older version declared (<see cref="RemovedNames"/>), with the last
/// version that had it. A block of a page that says the API is gone ("removed", "no longer", "upgrading", "migration")
/// shows old code on purpose: it is proposed as <c>compile-fail=ID</c>, which guards the guide and fails if the API
/// comes back, rather than listed. The search looks only at the packages the post uses, and only at the names the
/// compiler says are missing.
/// </summary>
internal static partial class RemovedApiRot
{
    /// <summary>
    /// A removed name found for a block: the error that names it, and the last version that had it; or, for a name the
    /// current version made an error (<see cref="MadeAnError"/>, CS0619), that version.
    /// </summary>
    public sealed record Hit(int File, PreparedDocument Document, SnippetResult Failed, Diagnostic Error, ApiName Name, RemovedName Removed)
    {
        public bool MadeAnError => Error.Id == ObsoleteAsError;

        /// <summary>The package, at the version the tool tried, that lacks the name (or made it an error).</summary>
        public PackageRequest? Tried { get; init; }
    }

    /// <summary>A use of a member the package marks <c>[Obsolete(…, true)]</c>: removed as far as the reader is concerned.</summary>
    private const string ObsoleteAsError = "CS0619";

    /// <summary>
    /// Each failed block of <paramref name="files"/> (and each proposed <c>check</c>, with its last failure) with the packages
    /// its post uses: where <see cref="HitsAsync"/> looks for a removed name.
    /// </summary>
    /// <param name="lastFailure">A block's last failure before <c>check</c> tolerated its unknown names; null for none.</param>
    /// <param name="postPackages">The packages a post names (its install lines, usings, doc set), pinned as adopt found them.</param>
    public static List<(int File, PreparedDocument Document, SnippetResult Failed, IReadOnlyList<PackageRequest> Packages)> Work(
        List<AdoptFile> files, IReadOnlyList<PreparedDocument> documents, Func<Snippet, SnippetResult?> lastFailure,
        Func<SnippetDocument, IReadOnlyList<PackageRequest>> postPackages)
    {
        var work = new List<(int File, PreparedDocument Document, SnippetResult Failed, IReadOnlyList<PackageRequest> Packages)>();
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            if (documents.FirstOrDefault(d => ReferenceEquals(d.Snippets.Source.Document, file.Document)) is not { } document) continue;
            var packages = postPackages(document.Snippets).Concat(file.Proposals.SelectMany(p => p.Packages)).DistinctBy(
                p => p.Id, StringComparer.OrdinalIgnoreCase).ToList();
            var failed = file.Failures.Concat(
                file.Proposals.Where(p => p.Kind == SnippetKind.Check).Select(p => lastFailure(p.Snippet)).OfType<SnippetResult>())
                .Where(f => f.Status == SnippetStatus.Failed);
            work.AddRange(failed.Select(f => (i, document, f, (IReadOnlyList<PackageRequest>)packages)));
        }
        return work;
    }

    /// <summary>
    /// Of the hits, the blocks of pages that say the API is gone, each as the <c>compile-fail</c> that guards the guide: to
    /// be tried, a guard that passes is proposed (<c>WithHits</c>).
    /// </summary>
    public static List<(PreparedDocument Document, Snippet Snippet)> Guards(IReadOnlyList<Hit> hits)
    {
        // Guarded only when the removed name is the block's one error: an unknown name beside it is context the page
        // never shows, and a compile-fail tag would pass on it.
        var guides = hits.Where(h => PackageEvidence.PageSaysItIsGone(h.Document.Snippets.Source, h.Failed.Snippet.Block)
            && h.Failed.Diagnostics.Where(d => d.IsError).All(d => d.Id == h.Error.Id && d.Message == h.Error.Message)).ToList();
        static Snippet FailingOn(Snippet snippet, string errorId) =>
            snippet with { Tags = snippet.Tags with { Kind = SnippetKind.CompileFail, ExpectedErrorIds = [errorId], Results = false } };
        return [.. guides.Select(h => (h.Document, FailingOn(h.Failed.Snippet, h.Error.Id)))];
    }

    /// <summary>
    /// The files with each block whose last failure names a removed API listed as <see cref="RotEvidence.RemovedApi"/> rot
    /// (instead of weaker evidence, and instead of a <c>check</c> tag, which would tolerate the name), or proposed as
    /// <c>compile-fail</c> where its page says the API is gone and its guard passed (<paramref name="guarded"/>).
    /// </summary>
    public static List<AdoptFile> WithHits(
        List<AdoptFile> files, IReadOnlyList<Hit> hits, IReadOnlyDictionary<SourceLocation, SnippetResult> guarded)
    {
        var result = files.ToList();
        foreach (var group in hits.GroupBy(h => h.File)) result[group.Key] = WithHits(result[group.Key], group, guarded);
        return result;
    }

    /// <summary>Of each failed block, the first name it uses that a package of its post removed, with that package's last version.</summary>
    public static async Task<List<Hit>> HitsAsync(
        IPackageFeed feed, List<(int File, PreparedDocument Document, SnippetResult Failed, IReadOnlyList<PackageRequest> Packages)> work,
        IReadOnlyList<PreparedDocument> documents, string folder, CancellationToken cancellationToken)
    {
        var search = new RemovedNames(feed);
        var docSets = new DocSet(documents.Select(d => d.Snippets));
        var declared = documents.GroupBy(d => docSets.Of(d.Snippets)).ToDictionary(g => g.Key, g => RotEvidence.DeclaredNames(
            string.Join('\n', g.SelectMany(d => d.Snippets.Snippets).SelectMany(s => s.Code).Select(l => l.Text))));
        var found = await Task.WhenAll(work.Select(async w =>
        {
            foreach (var (error, name, packages) in Names(w.Failed, w.Packages, declared[docSets.Of(w.Document.Snippets)]))
            {
                foreach (var package in packages)
                {
                    var removed = error.Id == ObsoleteAsError
                        ? await search.MarkedObsoleteAsync(package.Id, package.Version, name, cancellationToken).ConfigureAwait(false)
                        : await search.FindAsync(package.Id, package.Version, name, folder, cancellationToken).ConfigureAwait(false);
                    if (removed is not null) return new Hit(w.File, w.Document, w.Failed, error, name, removed) { Tried = package };
                }
            }
            return null;
        })).ConfigureAwait(false);
        return found.OfType<Hit>().ToList();
    }

    /// <summary>
    /// The file with each hit's block proposed as <c>compile-fail</c> where its page says the API is gone (and the guard
    /// passed), else unverified with the removed name as its rot, in place of any weaker rot or <c>check</c> tag.
    /// </summary>
    private static AdoptFile WithHits(AdoptFile file, IEnumerable<Hit> hits, IReadOnlyDictionary<SourceLocation, SnippetResult> guarded)
    {
        var proposals = file.Proposals.ToList();
        var failures = file.Failures.ToList();
        var causes = file.Causes.ToList();
        var rot = file.Rot.ToList();
        foreach (var hit in hits)
        {
            var at = hit.Failed.Snippet.Location;
            var original = proposals.FirstOrDefault(p => p.Snippet.Location == at)?.Snippet
                ?? hit.Document.Snippets.Snippets.FirstOrDefault(s => s.Location == at) ?? hit.Failed.Snippet;
            proposals.RemoveAll(p => p.Snippet.Location == at);
            rot.RemoveAll(r => r.Block == at);
            var index = failures.FindIndex(f => f.Snippet.Location == at);
            if (guarded.GetValueOrDefault(at) is { } guard)
            {
                if (index >= 0)
                {
                    failures.RemoveAt(index);
                    if (index < causes.Count) causes.RemoveAt(index);
                }
                var tags = guard.Snippet.Tags;
                proposals.Add(new AdoptProposal(original, SnippetKind.CompileFail, null)
                    { Members = tags.Members, Usings = tags.Usings, Packages = tags.Packages, ExpectedErrorIds = tags.ExpectedErrorIds });
                continue;
            }
            if (index < 0)
            {
                // A check tag would tolerate the removed name: the block stays unverified, with its cause.
                failures.Add(hit.Failed);
                causes.Add(UnverifiedCause.Of(hit.Failed, packageLookedFor: false));
            }
            // An entry never rests on a major the page does not name (RotContext): "removed after 8.6.3" of the version 11 the
            // tool tried is no rot of a page about 8. The block stays unverified, unlisted.
            if (RotContext.TriedAtAMajorThePageDoesNotName(
                file.Document.Text, hit.Failed.Snippet.Tags.Packages.Append(hit.Tried).OfType<PackageRequest>())) continue;
            rot.Add(new SuspectedRot(hit.Error.Location, hit.Error.Id, hit.Error.Message, RotEvidence.RemovedApi,
                hit.MadeAnError ? MadeAnErrorWhy(hit.Name, hit.Removed) : Why(hit.Name, hit.Removed))
                { Block = at, LastVersion = hit.MadeAnError ? null : hit.Removed.LastVersion });
        }
        return file with { Proposals = proposals, Failures = failures, Rot = rot, Causes = causes };
    }

    /// <summary>
    /// The names a failed block uses that a package may have removed, each with the error that names it and the packages
    /// to look in: a member a package's type lacks (CS0117, CS1061, on the block's packages), a namespace under a
    /// package's root (CS0234), a name nothing declares (CS0103, CS0246, in PascalCase, on the post's packages). The
    /// block's own types and methods are never looked for, nor those another block of its doc set declares
    /// (<paramref name="docSetDeclared"/>): a docs' own <c>Request</c> is no package's removed type, though an old
    /// version of one of its packages had a type so named.
    /// </summary>
    internal static IEnumerable<(Diagnostic Error, ApiName Name, IReadOnlyList<PackageRequest> Packages)> Names(
        SnippetResult failed, IReadOnlyList<PackageRequest> postPackages, IReadOnlySet<string> docSetDeclared)
    {
        var own = RotEvidence.DeclaredNames(string.Join('\n', failed.Snippet.Code.Select(l => l.Text)));
        own.UnionWith(docSetDeclared);
        var blockPackages = failed.Snippet.Tags.Packages;
        IReadOnlyList<PackageRequest> all = [.. blockPackages.Concat(postPackages).DistinctBy(p => p.Id, StringComparer.OrdinalIgnoreCase)];
        foreach (var error in failed.Diagnostics.Where(d => d.IsError))
        {
            var names = Quoted().Matches(error.Message).Select(m => m.Groups[1].Value).ToList();
            switch (error.Id)
            {
                case "CS0117" or "CS1061" when names.Count >= 2 && blockPackages.Count > 0 && !own.Contains(RotEvidence.SimpleName(names[0]))
                && !OnAGivenReceiver(failed, error):
                    yield return (error, new ApiName(RotEvidence.SimpleName(names[0]), names[1]), blockPackages);
                    break;
                case "CS0234" when names.Count >= 2 && !own.Contains($"{names[1]}.{names[0]}"):
                    var root = RootOf(names[1]);
                    IReadOnlyList<PackageRequest> rooted = [.. all.Where(p => RootOf(p.Id).Equals(root, StringComparison.OrdinalIgnoreCase))];
                    if (rooted.Count > 0) yield return (error, new ApiName(null, $"{names[1]}.{names[0]}", IsNamespace: true), rooted);
                    break;
                // The package's own member (the bound receiver's type declares it, MarkedObsoleteAsync checks), never a guess.
                case ObsoleteAsError when names.Count >= 1 && blockPackages.Count > 0 && ObsoleteName(names[0]) is { } obsolete
                && !own.Contains(obsolete.Name) && !OnAGivenReceiver(failed, error):
                    yield return (error, obsolete, blockPackages);
                    break;
                case { } unknown when UnknownNames.Core.Contains(unknown) && names.Count >= 1
                && RotEvidence.SimpleName(names[0]) is { Length: > 1 } name && char.IsUpper(name[0])
                && !own.Contains(name) && all.Count > 0 && !CalledBare(failed, error, name):
                    yield return (error, new ApiName(null, name), all);
                    break;
            }
        }
    }

    /// <summary>The error's name is called bare (<c>GetMethod()</c>): a helper the reader writes, never a package's removed API.</summary>
    private static bool CalledBare(SnippetResult failed, Diagnostic error, string name) =>
        failed.Snippet.Code.FirstOrDefault(l => l.Line == error.Location.Line) is { Text: not null } line
        && IsBareCall(line.Text, error.Location.Column - line.Column, name);

    /// <summary>
    /// <paramref name="name"/> stands at <paramref name="index"/> of the line as a call of its own: followed by <c>(</c>,
    /// after no <c>.</c> and no <c>new</c>.
    /// </summary>
    internal static bool IsBareCall(string line, int index, string name)
    {
        if (index < 0 || index + name.Length > line.Length || string.CompareOrdinal(line, index, name, 0, name.Length) != 0) return false;
        var rest = line[(index + name.Length)..].TrimStart();
        var before = line[..index].TrimEnd();
        return rest.StartsWith('(') && !before.EndsWith('.') && !before.EndsWith("new", StringComparison.Ordinal);
    }

    /// <summary>"'Render' was removed from Spectre.Console after 0.47; last in 0.47.0", with what its last version's [Obsolete] said.</summary>
    internal static string Why(ApiName name, RemovedName removed)
    {
        var parts = removed.LastVersion.Split('.');
        var series = parts[0] == "0" && parts.Length > 1 ? $"0.{parts[1]}" : $"{parts[0]}.x";
        var obsolete = string.IsNullOrWhiteSpace(removed.Obsolete) ? "" : $"; it was marked [Obsolete(\"{FirstSentence(removed.Obsolete)}\")]";
        return $"'{name}' was removed from {removed.Package} after {series}; last in {removed.LastVersion}{obsolete}";
    }

    /// <summary>An [Obsolete] message's first sentence, which names the replacement; the rest is links and advice.</summary>
    private static string FirstSentence(string message)
    {
        var text = message.Trim().ReplaceLineEndings(" ");
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        var sentence = end > 0 ? text[..(end + 1)] : text;
        return sentence.Length <= 120 ? sentence : sentence[..117] + "...";
    }

    /// <summary>A dotted name's first part: <c>Azure</c> of <c>Azure.Storage.Blobs</c>.</summary>
    private static string RootOf(string dotted) => dotted.Split('.')[0];

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex Quoted();
}
