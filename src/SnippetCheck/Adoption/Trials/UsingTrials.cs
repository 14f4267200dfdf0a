using Microsoft.CodeAnalysis;
using SnippetCheck.Adoption.Inference;
using SnippetCheck.Driver;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;
using Guess = SnippetCheck.Adoption.Inference.UsingInference.Guess;

namespace SnippetCheck.Adoption.Trials;

/// <summary>
/// The rounds of trials <see cref="UsingInference"/>'s guesses are tried in: the rule reads a failure's unknown names and
/// guesses their namespaces; here each guess is verified, and the next round reads the failure it leaves.
/// </summary>
internal static class UsingTrials
{
    /// <summary>How many times usings are added one after another to a block that shows a new unknown name each time.</summary>
    private const int Rounds = 3;

    /// <summary>
    /// Each failed block verified again as <c>compile</c> with the usings its unknown names need, in up to <see cref="Rounds"/>
    /// rounds: each using lets the compiler bind further (a lambda's body, an extension method), which may show the next
    /// unknown name. The last result of each block tried, and the first guess of each block a guess was made for (its
    /// ambiguous names are worth a note).
    /// </summary>
    /// <param name="blocks">Failed blocks, each with the assemblies it compiles against beyond its program's own (a package's).</param>
    /// <param name="alsoImported">Namespaces the blocks' programs import beyond their settings' (the Web SDK's implicit usings).</param>
    /// <param name="skipUnknown">See <see cref="UsingInference.For"/>: a controller's <c>Ok(…)</c> is unknown until its base class binds.</param>
    public static async Task<(IReadOnlyList<SnippetResult> Results, IReadOnlyDictionary<SourceLocation, Guess> FirstGuesses)> AddInRoundsAsync(
        IBlockTrials verifier, IReadOnlyList<(PreparedDocument Document, SnippetResult Failed, IReadOnlyList<string> Extra)> blocks,
        CancellationToken cancellationToken,
        IReadOnlyList<string>? alsoImported = null, bool skipUnknown = false)
    {
        var latest = new Dictionary<SourceLocation, SnippetResult>();
        var firstGuesses = new Dictionary<SourceLocation, Guess>();
        for (var round = 0; round < Rounds; round++)
        {
            var next = new List<(PreparedDocument Document, Snippet Snippet)>();
            foreach (var (document, first, extra) in blocks)
            {
                if ((latest.GetValueOrDefault(first.Snippet.Location) ?? first) is not { Status: SnippetStatus.Failed } failed) continue;
                if (round > 0 && !latest.ContainsKey(first.Snippet.Location)) continue;
                var settings = document.SettingsFor(failed.Snippet);
                var references = extra.Count == 0 ? settings.References
                    : settings.References.AddRange(extra.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)));
                var imported = alsoImported is null ? settings.Usings : [.. settings.Usings, .. alsoImported];
                if (UsingInference.For(document.Snippets, failed.Snippet, failed.Diagnostics, references, imported, settings.ParseOptions,
                    skipUnknown) is not { } guess) continue;
                firstGuesses.TryAdd(first.Snippet.Location, guess);
                if (guess.Usings.Count == 0) continue;
                var usings = failed.Snippet.Tags.Usings.Concat(guess.Usings).Distinct(StringComparer.Ordinal).ToList();
                next.Add((document, failed.Snippet with { Tags = failed.Snippet.Tags with { Kind = SnippetKind.Compile, Usings = usings } }));
            }
            if (next.Count == 0) break;
            foreach (var result in await verifier.VerifyLoneAsync(next, useCache: true, cancellationToken).ConfigureAwait(
                false)) latest[result.Snippet.Location] = result;
        }
        return ([.. latest.Values], firstGuesses);
    }
}
