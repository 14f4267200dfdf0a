using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SnippetCheck.References;
using SnippetCheck.Programs;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;
using Diagnostic = SnippetCheck.Model.Diagnostic;

namespace SnippetCheck.Adoption.Inference.Packages;

/// <summary>
/// The package a post is about. For a post with blocks that fail only on unknown names, the
/// candidates are, in this order: the packages the author names (<c>adopt --package</c>), the namespaces of the post's
/// own <c>using</c> lines that the framework lacks (and their shorter prefixes), and what its repository says
/// (<see cref="RepositoryHints"/>). Each candidate is looked up on the configured sources, pinned to its newest stable
/// version (or the version the evidence names), restored through the package cache, and kept only when its own
/// assemblies declare one of the names the post's blocks fail on. A block then gets the kept packages that declare one
/// of its names; whether it passes with them is for the verifier to say (Trials/PackageTrials). The rules are pure: which
/// candidates a page has, in which order, and what the packages found say; the lookups and restores are its trials'
/// (<c>Trials/Packages/PackageFinds</c>, through the run's <see cref="PackageLookups"/>), which hand back what they found.
/// </summary>
/// <param name="docSet">The run's documents: a page's package evidence is its own, then that of the pages in its folder
/// and each ancestor folder of the run (<see cref="DocSet.FoldersOf"/>).</param>
/// <param name="repositories">What the repositories of <paramref name="docSet"/>'s pages say, read once per adopt.</param>
internal sealed partial class PackageInference(
    IReadOnlyList<PackageCandidate> stated, IReadOnlyList<SnippetDocument> docSet, RepositoryHints repositories)
{
    /// <summary>
    /// The most candidates tried for one post: each is a search and, when found, a restore (once per run: the doc set's
    /// candidates are the same for each of its pages).
    /// </summary>
    public const int MaxCandidates = 12;

    /// <summary>The run's doc sets: which pages share receivers and models (<see cref="DocSet.Of(SnippetDocument)"/>).</summary>
    public DocSet DocSets { get; } = new(docSet);

    private readonly ConcurrentDictionary<string, IReadOnlyList<IReadOnlyList<PackageCandidate>>> _docSetEvidence = new(StringComparer.Ordinal);

    /// <summary>A package that exists and restores, pinned, with the names its own assemblies declare.</summary>
    /// <param name="Compile">The reference assemblies it (and what it depends on) compiles against.</param>
    public sealed record Found(PackageRequest Package, IReadOnlySet<string> Names, IReadOnlyList<string> Compile)
    {
        /// <summary><see cref="Compile"/>'s assemblies, loaded once where the package restored (<see cref="PackageLookups"/>).</summary>
        public required IReadOnlyList<MetadataReference> References { get; init; }

        /// <summary>The assemblies of <paramref name="packages"/>, each file once, in order.</summary>
        public static IEnumerable<MetadataReference> ReferencesOf(IEnumerable<Found> packages) =>
            packages.SelectMany(p => p.References).DistinctBy(r => r.Display, StringComparer.Ordinal);
    }

    /// <summary>
    /// The blocks of one post worth a package search, each with its unknown names, and the framework they compile against
    /// (the first step of <c>Trials/Packages/PackageFinds.TriesAsync</c>); no blocks when none is.
    /// </summary>
    public static (List<(Snippet Snippet, IReadOnlyList<string> Names)> Blocks, ImmutableArray<MetadataReference> Framework) ToSearch(
        IGrouping<PreparedDocument, (PreparedDocument Document, SnippetResult Failed)> post)
    {
        // A package declares types, namespaces and extension methods, which .NET names in PascalCase: a block that
        // lacks only camelCase names (a variable of a block the post never showed) is not worth a search or a restore.
        var blocks = post.Select(f => (f.Failed.Snippet, Names: UnknownNames(f.Failed.Snippet, f.Failed.Diagnostics)))
            .Where(b => b.Names is not null && b.Names.Any(n => char.IsUpper(n[0])))
            .Select(b => (b.Snippet, Names: (IReadOnlyList<string>)b.Names!)).ToList();
        return (blocks, blocks.Count == 0 ? ImmutableArray<MetadataReference>.Empty : post.Key.SettingsFor(blocks[0].Snippet).References);
    }

    /// <summary>One post's blocks to try (<see cref="ToSearch"/>) and what was found for it (<see cref="Conclude"/>).</summary>
    public sealed record PostFinds(PreparedDocument Document, List<(Snippet Snippet, IReadOnlyList<string> Names)> Blocks,
        IReadOnlyList<Found> Found, IReadOnlyList<string> Named, IReadOnlyList<string> Unloaded, ImmutableArray<MetadataReference> Framework);

    /// <summary>
    /// Each failed block that lacks only names a package of its post declares, as <c>compile</c> with those packages, to be
    /// tried (<c>Trials/PackageTrials</c>): the packages its trials found and restored, and the block's notes kept.
    /// </summary>
    public List<(PreparedDocument Document, Snippet Snippet, IReadOnlyList<Found> Packages)> Tries(IReadOnlyList<PostFinds> posts)
    {
        var tries = new List<(PreparedDocument Document, Snippet Snippet, IReadOnlyList<Found> Packages)>();
        foreach (var (document, blocks, found, named, unloaded, framework) in posts)
        {
            foreach (var (snippet, names) in blocks)
            {
                var packages = found.Where(p => p.Names.Overlaps(names) || PageStaticImports.Declares(p, document.Snippets, names))
                    .OrderBy(p => p.Package.Id, StringComparer.OrdinalIgnoreCase).ToList();
                // A name no package found declares may be the API of a package the post names that could not be restored, when
                // the block binds none that did load. One that does is about that library (a sibling no source serves
                // never vetoes the others): Refit's README names Refit.Newtonsoft.Json, which kept check from every block of the
                // page though they call Refit's own API; AutoMapper's docs name an add-on on one page, which kept it from all 36.
                var unloadedHere = packages.Count == 0 && names.Any(n => char.IsUpper(n[0])) ? unloaded : [];
                // A package a source has that would not restore here is a setup problem (Adopter's note), not a name "declared nowhere".
                if (packages.Count == 0 && named.Count > 0 && Unrestorable(unloadedHere).Count == 0) NoteMissing(snippet, names, named, framework);
                // Its unknown names may be that package's: tolerated as unknown, a misspelt one would pass.
                if (unloadedHere.Count > 0) _unloaded[snippet.Location] = unloadedHere;
                if (packages.Count == 0) continue;
                var tags = snippet.Tags with { Kind = SnippetKind.Compile, Packages =
                    [.. packages.Select(p => p.Package with { Location = snippet.Location })] };
                tries.Add((document, snippet with { Tags = tags }, packages));
            }
        }
        return tries;
    }

    /// <summary>
    /// The names a failed block does not know, read at its errors (<c>CS0246</c>, <c>CS0103</c>, <c>CS0234</c>,
    /// <c>CS1061</c>); null when it fails for anything else, which no package fixes.
    /// </summary>
    public static IReadOnlyList<string>? UnknownNames(Snippet snippet, IReadOnlyList<Diagnostic> diagnostics)
    {
        // A local read before it is assigned says nothing of a name: it is seen again, and is evidence, once the names bind.
        var errors = diagnostics.Where(d => d.IsError && !RotEvidence.IsUnassignedError(d.Id)).ToList();
        // CS0308: a type written with type arguments that only a type of another arity in scope has ('Endpoint<TReq, TRes>'
        // under the Web SDK's implicit usings): as unknown as a missing one.
        if (errors.Count == 0 || errors.Any(e => !Model.UnknownNames.Package.Contains(e.Id))) return null;
        var names = errors.Select(e => UsingInference.IdentifierAt(snippet, e.Location)).ToList();
        return names.Any(n => n is null) ? null : [.. names.Cast<string>().Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The blocks never to tag <c>check</c>: each lacks names its post's package may declare, and that package (named by
    /// the author, the post's code or its usings) could not be loaded, with the package IDs.
    /// </summary>
    public IReadOnlyDictionary<SourceLocation, IReadOnlyList<string>> Unloaded => _unloaded;

    private readonly ConcurrentDictionary<SourceLocation, IReadOnlyList<string>> _unloaded = new();


    /// <summary>Why a package found on a source could not be restored here (NuGet's first line), by ID.</summary>
    private readonly ConcurrentDictionary<string, string> _restoreErrors = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Keeps why <paramref name="id"/>, which a source has, could not be restored here (its trials restore it).</summary>
    public void KeepRestoreError(string id, string error) => _restoreErrors[id] = error.Split('\n')[0].Trim();

    /// <summary>Of <paramref name="ids"/>, the packages a source has that could not be restored here: a setup problem.</summary>
    public IReadOnlyList<string> Unrestorable(IReadOnlyList<string> ids) => [.. ids.Where(_restoreErrors.ContainsKey)];

    /// <summary>
    /// <c>Verify.Xunit, which could not be restored here (error NU1101: Unable to find package Verify. ...)</c>, or <c>... which no
    /// package source has</c>: what adopt says of the packages a block's post names that it could not load.
    /// </summary>
    public string UnloadedText(IReadOnlyList<string> ids) =>
        string.Join("; ", ids.Take(3).Select(id => _restoreErrors.TryGetValue(id, out var error)
            ? $"{id}, which could not be restored here ({error})" : $"{id}, which no package source has"));

    /// <summary>
    /// The packages a post names (the author's, its install lines, test attributes and usings, else its doc set's), as
    /// found and pinned; empty for a post none of whose blocks lacked a name (RemovedApiRot looks only in these).
    /// </summary>
    public IReadOnlyList<PackageRequest> PostPackages(SnippetDocument document) =>
        _postPackages.GetValueOrDefault(document.Source.Document.FullPath) ?? [];

    private readonly ConcurrentDictionary<string, IReadOnlyList<PackageRequest>> _postPackages = new(StringComparer.Ordinal);

    /// <summary>What <see cref="Tries"/> has to say beside its trials' results: blocks whose named package was not found.</summary>
    public IReadOnlyList<AdoptNote> Notes => _notes;

    private readonly List<AdoptNote> _notes = [];

    /// <summary>
    /// What a page's packages are looked for by: its folder; its own evidence, that of its folders (and its site's one
    /// library), and the author's (<c>adopt --package</c>). Each group is one piece of evidence: its alternatives are tried in
    /// order, and the first that exists is the one.
    /// </summary>
    public sealed record PageEvidence(string Folder, IReadOnlyList<IReadOnlyList<PackageCandidate>> Own,
        IReadOnlyList<IReadOnlyList<PackageCandidate>> Set, IReadOnlyList<IReadOnlyList<PackageCandidate>> Stated);

    /// <summary>The evidence of <paramref name="document"/>'s packages (<see cref="PageEvidence"/>): its own is looked up first.</summary>
    public PageEvidence EvidenceOf(SnippetDocument document, ImmutableArray<MetadataReference> framework)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(document.Source.Document.FullPath))!;
        // A library's docs say how to install it on one page, and import its namespace on some, while most of their blocks
        // show neither. A page's own evidence comes first, then its folder's, then each ancestor folder's, nearest first
        // (DocSet.FoldersOf). When a package of its own declares a name the blocks lack, the doc set's test frameworks stay
        // out (an NUnit page beside an xUnit one must not get xunit for its unknown 'Assert'); its libraries never do.
        var own = PackageEvidence.Of(document, framework).ToList();
        var setEvidence = DocSet.FoldersOf(document).SelectMany(key => FolderEvidence(key, framework)).ToList();
        // A page whose folders name no package but its own takes its site's one library (PackageEvidence.SiteInstallLines),
        // whatever else the page names (a 'using' of another package: its folder's evidence is its own).
        if (setEvidence.All(g => own.Any(o => o[0].Id.Equals(g[0].Id, StringComparison.OrdinalIgnoreCase)))
            && repositories.RepositoryRoot(folder) is { } repository)
            setEvidence = [.. setEvidence, .. _docSetEvidence.GetOrAdd(
                "\0" + repository, _ => PackageEvidence.SiteInstallLines(docSet, repositories, repository))];
        return new(folder, own, setEvidence, [.. stated.Select(c => (IReadOnlyList<PackageCandidate>)[c])]);
    }

    /// <summary>
    /// The candidates of a page to look up, in order, once its own were (<paramref name="ownDeclares"/>: one of them declares a
    /// name its blocks lack): the groups, those the author, the page and its set name and how many of them are tried, and the IDs shown.
    /// </summary>
    public (IReadOnlyList<IReadOnlyList<PackageCandidate>> Groups, IReadOnlyList<IReadOnlyList<PackageCandidate>> Named, int NamedTried,
        IReadOnlyList<string> Shown) CandidatesOf(SnippetDocument document, PageEvidence evidence, bool ownDeclares)
    {
        var (folder, own, setEvidence, statedGroups) = evidence;
        // The doc set's library is still tried on a page whose own evidence declares something (an xUnit page's [Fact]
        // names xunit, never the library its tests call): of the set's evidence, only another test framework or
        // mocking library is kept out, after the page's own, first those the page's own IDs extend ('FastEndpoints.Security'
        // uses FastEndpoints).
        var extended = setEvidence.Where(g => own.Any(o => o[0].Id.StartsWith(g[0].Id + ".", StringComparison.OrdinalIgnoreCase)));
        var setLibraries = ownDeclares ? extended.Concat(setEvidence.Where(g => !PackageEvidence.IsTestPackage(g[0].Id))) : setEvidence;
        var named = statedGroups.Concat(own).Concat(setLibraries)
            .DistinctBy(g => g[0].Id, StringComparer.OrdinalIgnoreCase).ToList();
        var shown = named.Select(g => g[0].Id).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        // What the page lists by name, after the evidence above: one no source serves is a word of its prose, never "not loaded".
        var listed = PackageEvidence.Listed(document.Source.Document.Text)
            .Where(g => !named.Any(n => n[0].Id.Equals(g[0].Id, StringComparison.OrdinalIgnoreCase))).ToList();
        RecordWhoNames(document, statedGroups, own.Concat(listed), setEvidence);
        // The repository's own package is tried on every page, whatever else the page names (CsvHelper's pages name none
        // of theirs; its projects reference nine others): right after what the page and its set name, never cut by the
        // limit. It is no page's word, so a source that lacks it says nothing of a block's names ('unloaded' below).
        var ownPackage = repositories.Own(folder);
        List<IReadOnlyList<PackageCandidate>> setsOwn = ownPackage.Count > 0
            && !named.Any(g => g.Any(c => ownPackage.Any(o => o.Id.Equals(c.Id, StringComparison.OrdinalIgnoreCase)))) ? [ownPackage] : [];
        var namedTried = Math.Min(named.Count, MaxCandidates - setsOwn.Count);
        var groups = named.Take(namedTried).Concat(setsOwn).Concat(listed)
            .Concat(repositories.For(folder).Select(c => (IReadOnlyList<PackageCandidate>)[c]))
            .DistinctBy(g => g[0].Id, StringComparer.OrdinalIgnoreCase)
            .Take(MaxCandidates)
            .ToList();
        return (groups, named, namedTried, shown);
    }

    /// <summary>
    /// What was found of a page's candidates (<paramref name="found"/>, one for each group, null where none restored): the
    /// packages that declare one of <paramref name="unknown"/> (all when null), and of those the author, the page and its set
    /// name, the IDs no source had or that did not restore. Keeps the page's packages for <see cref="PostPackages"/>.
    /// </summary>
    public (IReadOnlyList<Found> Found, IReadOnlyList<string> Unloaded) Conclude(SnippetDocument document,
        IReadOnlyList<IReadOnlyList<PackageCandidate>> named, int namedTried, IReadOnlyList<Found?> found, IReadOnlySet<string>? unknown)
    {
        _postPackages[document.Source.Document.FullPath] = [.. found.Take(namedTried).OfType<Found>().Select(f => f.Package)];
        var unloaded = named.Take(namedTried).Where((_, i) => found[i] is null).Select(g => g[0].Id).Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var declaring = found.OfType<Found>().DistinctBy(f => f.Package.Key)
            .Where(f => unknown is null || f.Names.Overlaps(unknown) || PageStaticImports.Declares(f, document, unknown));
        return ([.. declaring], unloaded);
    }

    /// <summary>What the folders of <paramref name="document"/>'s page and each ancestor folder name, as many as are tried.</summary>
    public IReadOnlyList<IReadOnlyList<PackageCandidate>> FoldersEvidence(SnippetDocument document, ImmutableArray<MetadataReference> framework) =>
        [.. DocSet.FoldersOf(document).SelectMany(key => FolderEvidence(key, framework)).Take(MaxCandidates)];

    /// <summary>What the pages directly in one folder of the run name (once per run: the same for each page below it).</summary>
    private IReadOnlyList<IReadOnlyList<PackageCandidate>> FolderEvidence(string key, ImmutableArray<MetadataReference> framework) =>
        _docSetEvidence.GetOrAdd(key, _ => [.. docSet.Where(d => DocSet.FolderOf(d) == key).SelectMany(d => PackageEvidence.Of(d, framework))]);
}
