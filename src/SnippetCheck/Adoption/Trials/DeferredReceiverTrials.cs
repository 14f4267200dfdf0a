using SnippetCheck.Adoption.Inference;
using SnippetCheck.Adoption.Inference.Classes;
using SnippetCheck.Driver;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using static SnippetCheck.Adoption.Inference.BlockKeys;

namespace SnippetCheck.Adoption.Trials;

/// <summary>
/// Pass 3b: the receiver trial (<see cref="ReceiverTrials"/>) leaves a block whose receiver its page creates in a block that
/// compiles alone (<c>var client = new Client(…);</c>, then <c>client.AddDefault(…);</c> three sections on) to the session
/// pass, where the two run together. When no session takes the block, it is tried with that receiver given after all, of
/// the type its creating block gives it, with that block's packages and usings: the receiver's calls then bind, so a
/// misspelt one fails. A block that passes so compiles (<see cref="CompileTrials.Compiles"/>); the later passes skip it.
/// </summary>
internal static class DeferredReceiverTrials
{
    public static async Task AddAsync(
        IBlockTrials verifier, IReadOnlyList<(PreparedDocument Document, Snippet Snippet)> untagged, CompileTrials compiled,
        IReadOnlyList<SessionChoice.Chain> chains, CancellationToken cancellationToken)
    {
        List<(PreparedDocument Document, SnippetResult Failed)> failing = [.. untagged
            .Where(u => !compiled.Compiles.ContainsKey(Key(u.Snippet)) && !compiled.InClass.ContainsKey(Key(u.Snippet))
                && !chains.Any(c => c.Holds(u.Snippet)))
            .Select(u => (u.Document, Failed: compiled.PackageFailure(Key(u.Snippet))))
            .Where(f => f.Failed?.Status == SnippetStatus.Failed).Select(f => (f.Document, f.Failed!))];
        if (failing.Count == 0) return;
        // The blocks that compiled alone, as tagged to pass: a creator lends its packages and usings, not its stubs' namespaces
        // (the docs' own types it was compiled over are no part of the receiver's).
        var passed = untagged.Where(u => compiled.Compiles.ContainsKey(Key(u.Snippet))).DistinctBy(u => u.Snippet.Location).ToDictionary(
            u => u.Snippet.Location, u => u.Snippet with { Tags = WithoutStubUsings(compiled.Compiles[Key(u.Snippet)]) });
        var results = await ReceiverTrials.TryAsync(
            verifier, compiled.Finds, compiled.DocSetReceivers, failing, cancellationToken, compiled.Inferred, passed).ConfigureAwait(false);
        foreach (var result in results.Where(r => r.Status == SnippetStatus.Passed && r.Snippet.Tags.Given.Count > 0))
            compiled.Compiles.TryAdd(Key(result.Snippet), result.Snippet.Tags);
    }

    private static SnippetTags WithoutStubUsings(SnippetTags tags) => tags with
    {
        Usings = [.. tags.Usings.Where(u => !u.StartsWith(DocModels.RootNamespace + ".", StringComparison.Ordinal))],
    };
}
