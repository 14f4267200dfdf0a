using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Adoption.Trials.Packages;
using SnippetCheck.Configuration;
using SnippetCheck.Driver;
using SnippetCheck.Programs;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Adoption.Inference.Classes;
using Attempt = SnippetCheck.Adoption.Inference.Classes.FixtureRounds.Attempt;

namespace SnippetCheck.Adoption.Trials;

/// <summary>
/// The page fixture for <c>adopt</c> (docs/authoring.md#the-page-fixture): docs written as the body of
/// one test class fail block by block (a field of the page, a <c>[SetUp]</c> in hidden code), and pass as that class.
/// Each candidate page is verified as its fixture, with the docs' own hidden fences read as its hidden members and
/// without, in rounds: a round that fails on names gets the packages and usings that declare them (the test framework
/// and mocking library the page's attributes and calls name, <see cref="PackageEvidence.TestCandidates"/>); a round
/// that fails otherwise leaves the failing blocks out (tagged <c>ignore</c>, with their cause). What passes is run
/// once more and must pass alike, as every block <c>adopt</c> tags. What each round adds or leaves out is
/// <see cref="FixtureRounds"/>'.
/// </summary>
internal static class FixtureTrials
{
    /// <summary>The most rounds a page is tried in: each is one compile and run of the page.</summary>
    private const int Rounds = 6;

    /// <summary>A page verified as its fixture.</summary>
    /// <param name="Page">The page as the trial read it (its hidden fences as members when <paramref name="HiddenFences"/> has any).</param>
    /// <param name="HiddenFences">Info strings of the page's hidden fences the trial read, besides those config names.</param>
    /// <param name="Blocks">The page's blocks as tried: their kinds, and the page's packages and usings on the first one not left out.</param>
    /// <param name="Runs">Each block's result in both runs, by its place; the left-out blocks have none.</param>
    /// <param name="Left">The blocks left out, with the failure that left them out.</param>
    public sealed record Trial(PreparedDocument Page, IReadOnlyList<string> HiddenFences, IReadOnlyList<Snippet> Blocks,
        IReadOnlyDictionary<SourceLocation, (SnippetResult First, SnippetResult Second)> Runs, IReadOnlyList<SnippetResult> Left)
    {
        /// <summary>The blocks the fixture verifies: every block not left out (each passed both runs alike).</summary>
        public int Verified => Blocks.Count - Left.Count;
    }

    /// <summary>
    /// The fixture of each page, when one verifies any block: <paramref name="pages"/> are untagged pages (or pages config
    /// already makes fixtures), as <paramref name="verifier"/> first read them; <paramref name="readAs"/> reads the run's
    /// documents again as fixtures (document loading, beside the seam).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, Trial>> FindAsync(
        IBlockTrials verifier, Func<SnippetCheckConfig, IReadOnlyList<PreparedDocument>> readAs, PackageFinds packages,
        IReadOnlyList<PreparedDocument> pages, CancellationToken cancellationToken)
    {
        if (pages.Count == 0) return new Dictionary<string, Trial>();
        var configured = verifier.Config.HiddenFences ?? [];
        var words = pages.ToDictionary(p => p.Snippets.Source.Document.FullPath, p => FixtureRounds.HiddenFenceWords(p, configured));
        var found = words.Values.SelectMany(w => w).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();

        var attempts = new List<Attempt>();
        // Without the hidden fences first: a page that passes so needs no more config.
        var asFixtures = new SnippetCheckConfig { Fixture = true };
        List<(IReadOnlyList<PreparedDocument> Reading, IReadOnlyList<string> Fences)> readings = [(readAs(asFixtures), [])];
        if (found.Count > 0) readings.Add((readAs(asFixtures with { HiddenFences = [.. configured, .. found] }), found));
        foreach (var (reading, fences) in readings)
        {
            var byPath = reading.ToDictionary(d => d.Snippets.Source.Document.FullPath);
            foreach (var page in pages)
            {
                var path = page.Snippets.Source.Document.FullPath;
                if (fences.Count > 0 && words[path].Count == 0) continue;
                if (byPath.GetValueOrDefault(path) is { } read) attempts.Add(new Attempt(page, read, fences.Count == 0 ? [] : words[path]));
            }
        }

        for (var round = 0; round < Rounds; round++)
        {
            var open = attempts.Where(a => a.Passed is null && !a.GaveUp).ToList();
            if (open.Count == 0) break;
            foreach (var reading in open.GroupBy(a => a.HiddenFences.Count > 0))
            {
                var tried = reading.Select(a => (Attempt: a, Blocks: a.Blocks())).ToList();
                var results = await VerifyAsync(verifier, tried, cancellationToken).ConfigureAwait(false);
                // The packages each page's round asks for (FixtureRounds.Asks), looked up side by side, then each page's next round.
                var answers = await Task.WhenAll(tried.Select(t => FixtureRounds.Asks(t.Attempt, t.Blocks, results) is var (page, unknown, framework)
                    ? packages.ForPageAsync(page, unknown, framework, cancellationToken)
                    : Task.FromResult<IReadOnlyList<PackageInference.Found>>([]))).ConfigureAwait(false);
                foreach (var (t, answer) in tried.Zip(answers)) FixtureRounds.Next(t.Attempt, t.Blocks, results, answer);
            }
        }

        // Twice, as adopt runs every block it tags: a page whose blocks pass once and not alike again is not proposed.
        var trials = new List<Trial>();
        foreach (var reading in attempts.Where(a => a.Passed is not null).GroupBy(a => a.HiddenFences.Count > 0))
        {
            var passing = reading.Select(a => (Attempt: a, Blocks: a.Blocks())).ToList();
            var again = await VerifyAsync(verifier, passing, cancellationToken).ConfigureAwait(false);
            foreach (var (attempt, blocks) in passing) trials.AddRange(Confirmed(attempt, blocks, again));
        }
        // The reading that verifies the most blocks; on a tie, the one that needs no hidden fences.
        return trials.Where(t => t.Verified > 0)
            .GroupBy(t => t.Page.Snippets.Source.Document.FullPath)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.Verified).ThenBy(t => t.HiddenFences.Count).First());
    }

    /// <summary>
    /// One batch of pages, each page once: a page's two readings have blocks at the same places, and results are told
    /// apart by place, so the readings go in batches of their own.
    /// </summary>
    private static Task<IReadOnlyList<SnippetResult>> VerifyAsync(
        IBlockTrials verifier, IReadOnlyList<(Attempt Attempt, IReadOnlyList<Snippet> Blocks)> pages, CancellationToken cancellationToken) =>
        verifier.VerifyFixturesAsync([.. pages.Select(p => (p.Attempt.Page, p.Blocks))], cancellationToken);

    /// <summary>The page's trial when its second run passed every block the first did, printing the same.</summary>
    private static IEnumerable<Trial> Confirmed(Attempt attempt, IReadOnlyList<Snippet> blocks, IReadOnlyList<SnippetResult> again)
    {
        {
            var runs = attempt.Passed!.ToDictionary(
                r => r.Snippet.Location, r => (First: r, Second: again.FirstOrDefault(a => a.Snippet.Location == r.Snippet.Location)));
            if (runs.Values.Any(
                r => r.Second is null || r.Second.Status != r.First.Status || r.Second.ActualOutput != r.First.ActualOutput)) yield break;
            yield return new Trial(
                attempt.Page, attempt.HiddenFences, blocks, runs.ToDictionary(r => r.Key, r => (r.Value.First, r.Value.Second!)),
                [.. attempt.Left.Values]);
        }
    }
}
