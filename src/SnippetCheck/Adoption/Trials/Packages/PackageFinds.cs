using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Programs;
using SnippetCheck.References;
using SnippetCheck.Results;
using Found = SnippetCheck.Adoption.Inference.Packages.PackageInference.Found;

namespace SnippetCheck.Adoption.Trials.Packages;

/// <summary>
/// The package lookups of adopt's rules, which are pure and await none: what <see cref="PackageInference"/> says a page's candidates are, found on
/// the configured sources and restored (<see cref="PackageFinder"/>), each once per run; and the pages' packages a pure rule
/// asks for (<see cref="PagePackages"/>), looked up in the order asked (<see cref="AnswerAsync"/>). Lookups and restores go
/// through the run's <see cref="IPackageFeed"/>: its package cache and the NuGet.Config of its folder, as the trial pass that owns
/// it hands them (<see cref="PackageLookups"/>: how many at once, and what a restore is read for, are the lookups').
/// </summary>
internal sealed partial class PackageFinds(PackageInference inference, PackageLookups lookups)
{
    /// <summary>The rules the lookups are made for, and what they keep of them (notes, the packages each post names).</summary>
    public PackageInference Inference => inference;

    /// <summary>Finds and restores each candidate, once per run.</summary>
    private readonly PackageFinder _finder = new(lookups, inference);

    /// <summary>
    /// Each failed block that lacks only names a package of its post declares, as <c>compile</c> with those packages, to be
    /// tried (<c>Trials/PackageTrials</c>): <see cref="PackageInference.ToSearch"/>'s blocks of each post, their packages
    /// looked up, and <see cref="PackageInference.Tries"/> of what was found.
    /// </summary>
    /// <param name="failing">Untagged blocks that failed every earlier pass, with their last failure.</param>
    public async Task<List<(PreparedDocument Document, Snippet Snippet, IReadOnlyList<Found> Packages)>> TriesAsync(
        IReadOnlyList<(PreparedDocument Document, SnippetResult Failed)> failing, CancellationToken cancellationToken)
    {
        // Posts are looked at side by side: their searches wait on the network, their restores on the SDK.
        var posts = await lookups.EachAsync(failing.GroupBy(f => f.Document), async post =>
        {
            var (blocks, framework) = PackageInference.ToSearch(post);
            if (blocks.Count == 0) return new PackageInference.PostFinds(post.Key, blocks, [], [], [], framework);
            var (found, named, unloaded) = await ForDocumentAsync(
                post.Key.Snippets, blocks.SelectMany(b => b.Names).ToHashSet(StringComparer.Ordinal), framework, cancellationToken)
                .ConfigureAwait(false);
            return new PackageInference.PostFinds(post.Key, blocks, found, named, unloaded, framework);
        }).ConfigureAwait(false);
        return inference.Tries(posts);
    }

    /// <summary>
    /// Runs a pure rule that asks for pages' packages until it asks for nothing new: each round looks up what the last one
    /// asked, one page after another in the order asked, and runs the rule again with every answer so far. Its last result.
    /// </summary>
    public async Task<T> AnswerAsync<T>(Func<PagePackages, T> rule, CancellationToken cancellationToken)
    {
        var answers = new Dictionary<PagePackages.Ask, IReadOnlyList<Found>>();
        while (true)
        {
            var pages = new PagePackages(answers);
            var result = rule(pages);
            if (pages.Asked.Count == 0) return result;
            foreach (var ask in pages.Asked)
            {
                answers[ask] = ask.DocSet
                    ? await AllForDocSetAsync(ask.Page, ask.Framework, cancellationToken).ConfigureAwait(false)
                    : await AllForPageAsync(ask.Page, ask.Framework, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The packages a page's code names (<see cref="PackageEvidence.TestCandidates"/>), the author names, or its usings and repository
    /// suggest, found and restored, that declare one of <paramref name="unknown"/>: what <c>adopt</c> tries a page's
    /// fixture with, whose names may stand in its hidden code rather than in a block.
    /// </summary>
    public async Task<IReadOnlyList<Found>> ForPageAsync(
        PreparedDocument document, IReadOnlySet<string> unknown, ImmutableArray<MetadataReference> framework, CancellationToken cancellationToken) =>
        (await ForDocumentAsync(document.Snippets, unknown, framework, cancellationToken).ConfigureAwait(false)).Found;

    /// <summary>
    /// Every package a page names or its doc set names, found and restored, whatever names it declares: where the
    /// enclosing class of bare base-class calls is looked for (Trials/EnclosingClassTrials).
    /// </summary>
    public async Task<IReadOnlyList<Found>> AllForPageAsync(
        PreparedDocument document, ImmutableArray<MetadataReference> framework, CancellationToken cancellationToken) =>
        (await ForDocumentAsync(document.Snippets, null, framework, cancellationToken).ConfigureAwait(false)).Found;

    /// <summary>
    /// Every package a page names and every package its doc set names, found and restored: where the type of a receiver no
    /// page creates, and the extension methods called on it, are looked for (<c>InferredReceivers</c>). Polly's
    /// docs call <c>services.AddResiliencePipeline(…)</c> on pages whose own evidence names only Polly.Core; the install
    /// line of Polly.Extensions, which declares it, stands on another page.
    /// </summary>
    public async Task<IReadOnlyList<Found>> AllForDocSetAsync(
        PreparedDocument document, ImmutableArray<MetadataReference> framework, CancellationToken cancellationToken)
    {
        var page = await AllForPageAsync(document, framework, cancellationToken).ConfigureAwait(false);
        var folder = Path.GetDirectoryName(Path.GetFullPath(document.Snippets.Source.Document.FullPath))!;
        // What the page's folder and each ancestor folder name.
        var more = await lookups.EachAsync(inference.FoldersEvidence(document.Snippets, framework),
            g => FirstFoundAsync(g, document.Snippets, folder, framework, cancellationToken)).ConfigureAwait(false);
        return [.. page.Concat(more.OfType<Found>()).DistinctBy(f => f.Package.Key)];
    }

    /// <summary>
    /// The packages worth trying for a post whose failing blocks lack <paramref name="unknown"/>, the candidates the
    /// author, the post's code or its usings named (the repository's guesses aside), and those of them that no source
    /// had or that did not restore: the page's own candidates looked up first, then the rest
    /// (<see cref="PackageInference.CandidatesOf"/>).
    /// </summary>
    private async Task<(IReadOnlyList<Found> Found, IReadOnlyList<string> Named, IReadOnlyList<string> Unloaded)> ForDocumentAsync(
        SnippetDocument document, IReadOnlySet<string>? unknown,
        ImmutableArray<MetadataReference> framework, CancellationToken cancellationToken)
    {
        var evidence = inference.EvidenceOf(document, framework);
        var ownFound = await lookups.EachAsync(evidence.Own.Take(PackageInference.MaxCandidates),
            g => FirstFoundAsync(g, document, evidence.Folder, framework, cancellationToken)).ConfigureAwait(false);
        var ownDeclares = ownFound.Any(
            f => f is not null && (unknown is null || f.Names.Overlaps(unknown) || PageStaticImports.Declares(f, document, unknown)));
        var (groups, named, namedTried, shown) = inference.CandidatesOf(document, evidence, ownDeclares);
        var found = await lookups.EachAsync(groups, g => FirstFoundAsync(g, document, evidence.Folder, framework, cancellationToken))
            .ConfigureAwait(false);
        var (declaring, unloaded) = inference.Conclude(document, named, namedTried, found, unknown);
        return (declaring, shown, unloaded);
    }

    /// <summary>Of one piece of evidence's alternatives, tried in order, the first package that exists and restores; null when none.</summary>
    private async Task<Found?> FirstFoundAsync(IReadOnlyList<PackageCandidate> group, SnippetDocument page, string folder,
        ImmutableArray<MetadataReference> framework, CancellationToken cancellationToken)
    {
        foreach (var candidate in group)
        {
            if (await FindAsync(candidate, page, folder, framework, cancellationToken).ConfigureAwait(false) is { } package) return package;
        }
        return null;
    }
}
