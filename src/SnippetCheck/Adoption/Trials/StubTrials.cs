using SnippetCheck.Adoption.Inference.Classes;
using SnippetCheck.Driver;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Results;
using Request = SnippetCheck.Adoption.Inference.Classes.StubModels.Request;
using Stub = SnippetCheck.Adoption.Inference.Classes.StubModels.Stub;
using Trial = SnippetCheck.Adoption.Inference.Classes.StubModels.Trial;

namespace SnippetCheck.Adoption.Trials;

/// <summary>
/// The rounds of trials of <see cref="StubModels"/>: each request verified over its stubs as they stand, and what the rule
/// reads from a failure (<see cref="StubModels.Advance"/>) tried in the next round.
/// </summary>
internal static class StubTrials
{
    /// <summary>
    /// Each request that compiles over its stubs: its passing result and the stubs. First every member a <c>string</c>. A
    /// member the compiler says a stub lacks (CS1061, CS0117: a chained call's lambda reads it, <c>.Equal(x =&gt; x.PasswordConfirmation)</c>,
    /// or a member's right type lets the compiler reach it) is added, in any try; otherwise each member whose lines hold an
    /// error is tried with the next type (all such members at once). A block failing on a line no member's lines hold, on a
    /// member called as a method, or past the last type, is left out.
    /// </summary>
    public static async Task<IReadOnlyList<(SnippetResult Passed, Stub Stub)>> TryAsync(
        IBlockTrials verifier, IReadOnlyList<Request> requests, CancellationToken cancellationToken)
    {
        var active = requests.Select(
            r => new Trial(r, r.Members.Distinct(StringComparer.Ordinal).ToDictionary(m => m, _ => 0, StringComparer.Ordinal))).ToList();
        var passed = new List<(SnippetResult Passed, Stub Stub)>();
        for (var round = 0; round < StubModels.MaxRounds && active.Count > 0; round++)
        {
            var results = await VerifyAsync(verifier, active, cancellationToken).ConfigureAwait(false);
            var next = new List<Trial>();
            foreach (var trial in active)
            {
                if (!results.TryGetValue(trial.Request.Snippet.Location, out var result)) continue;
                if (result.Status == SnippetStatus.Passed) passed.Add((result, StubModels.StubOf(trial)));
                else if (StubModels.Advance(trial, result)) next.Add(trial);
            }
            active = next;
        }
        return passed;
    }

    /// <summary>Each trial tried once, over its stubs as they stand: the results by block (the cache is not used).</summary>
    private static async Task<Dictionary<SourceLocation, SnippetResult>> VerifyAsync(
        IBlockTrials verifier, IReadOnlyList<Trial> trials, CancellationToken cancellationToken)
    {
        if (trials.Count == 0) return [];
        var tries = trials.Select(t =>
        {
            var (document, snippet) = (t.Request.Document, t.Request.Snippet);
            var prelude = Prelude.OfLines(DocModels.FileName, [.. StubModels.StubOf(t).Lines.Select((text, i) => new CodeLine(text, i + 1, 1))]);
            var withStub = document.Snippets with { Preludes = [prelude, .. document.Snippets.Preludes] };
            return (document with { Snippets = withStub }, snippet);
        }).ToList();
        var results = await verifier.VerifyLoneAsync(tries, useCache: false, cancellationToken).ConfigureAwait(false);
        return results.GroupBy(r => r.Snippet.Location).ToDictionary(g => g.Key, g => g.First());
    }
}
