using SnippetCheck.Adoption.Trials.Packages;
using SnippetCheck.Adoption.Inference.Receivers;
using SnippetCheck.Compilation;
using SnippetCheck.Driver;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption.Trials;

/// <summary>
/// The trials of <see cref="Receivers"/>: each failed block with its doc set's receivers given, then composed with the
/// packages and usings it still lacks. What each trial is, is the rule's (<see cref="Receivers.Tries"/>,
/// <see cref="Receivers.Composed"/>); here each is verified.
/// </summary>
internal static class ReceiverTrials
{
    /// <summary>
    /// Each failed block that passes with its doc set's receivers given, as <c>compile</c> (a given local holds no value):
    /// its latest result. Blocks with no such receiver are left out.
    /// </summary>
    /// <param name="receivers">By doc set (<c>PackageInference.DocSets</c>), what <see cref="Receivers.Of"/> read.</param>
    /// <param name="passed">After the session pass, the blocks that compiled alone (<see cref="Receivers.Tries"/>).</param>
    public static async Task<IReadOnlyList<SnippetResult>> TryAsync(
        IBlockTrials verifier, PackageFinds packages, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> receivers,
        IReadOnlyList<(PreparedDocument Document, SnippetResult Failed)> failing, CancellationToken cancellationToken,
        IReadOnlyDictionary<SourceLocation, IReadOnlyList<InferredReceivers.Given>>? inferred = null,
        IReadOnlyDictionary<SourceLocation, Snippet>? passed = null)
    {
        var tries = Receivers.Tries(packages.Inference, receivers, failing, inferred, passed);
        var latest = (await verifier.VerifyLoneAsync(tries, useCache: true, cancellationToken).ConfigureAwait(false)).ToDictionary(
            r => r.Snippet.Location);
        var composed = await WithPackagesAsync(verifier, packages, tries, latest, cancellationToken).ConfigureAwait(false);

        // Their types and extension methods often need the package's namespace, which the docs import on another page.
        // (The Web SDK's implicit usings count as imported for its blocks.)
        foreach (var isWeb in (bool[])[true, false])
        {
            var stillFailing = composed.Where(w => w.Snippet.Tags.WebSdk == isWeb && latest[w.Snippet.Location].Status == SnippetStatus.Failed)
                .Select(w => (w.Document, latest[w.Snippet.Location], w.Compile)).ToList();
            var imported = isWeb ? ReferenceAssemblies.WebUsings : [];
            var (usingResults, _) =
                await UsingTrials.AddInRoundsAsync(verifier, stillFailing, cancellationToken, imported, skipUnknown: true).ConfigureAwait(false);
            foreach (var result in usingResults) latest[result.Snippet.Location] = result;
        }
        return [.. latest.Values];
    }

    /// <summary>
    /// Composed: with the receiver bound, its unknown members are the doc set's packages' (<see cref="Receivers.Composed"/>):
    /// each tried block that still fails, verified with them into <paramref name="latest"/>; the blocks, with or without
    /// packages, and the assemblies their usings are looked for in.
    /// </summary>
    private static async Task<List<(PreparedDocument Document, Snippet Snippet, IReadOnlyList<string> Compile)>> WithPackagesAsync(
        IBlockTrials verifier, PackageFinds packages, List<(PreparedDocument Document, Snippet Snippet)> tries,
        Dictionary<SourceLocation, SnippetResult> latest, CancellationToken cancellationToken)
    {
        var (withPackages, withoutPackages) = await packages.AnswerAsync(
            pages => Receivers.Composed(packages.Inference, tries, latest, pages), cancellationToken).ConfigureAwait(false);
        foreach (var result in await verifier.VerifyLoneAsync(
            [.. withPackages.Select(w => (w.Document, w.Snippet))], useCache: true, cancellationToken).ConfigureAwait(false))
            latest[result.Snippet.Location] = result;
        return [.. withPackages.Concat(withoutPackages)];
    }
}
