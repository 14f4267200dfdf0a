using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Configuration;
using SnippetCheck.Driver;
using SnippetCheck.Programs;
using SnippetCheck.Extraction;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Adoption.Inference;

namespace SnippetCheck.Adoption.Trials;

/// <summary>
/// The page fixture for <c>adopt</c> (docs/authoring.md#the-page-fixture): docs written as the body of
/// one test class fail block by block (a field of the page, a <c>[SetUp]</c> in hidden code), and pass as that class.
/// Each candidate page is verified as its fixture, with the docs' own hidden fences read as its hidden members and
/// without, in rounds: a round that fails on names gets the packages and usings that declare them (the test framework
/// and mocking library the page's attributes and calls name, <see cref="PackageEvidence.TestCandidates"/>); a round
/// that fails otherwise leaves the failing blocks out (tagged <c>ignore</c>, with their cause). What passes is run
/// once more and must pass alike, as every block <c>adopt</c> tags.
/// </summary>
internal static partial class FixtureInference
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

    /// <summary>One page in one reading (with or without its hidden fences), round after round.</summary>
    private sealed class Attempt(PreparedDocument original, PreparedDocument page, IReadOnlyList<string> hiddenFences)
    {
        public PreparedDocument Original => original;
        public PreparedDocument Page => page;
        public IReadOnlyList<string> HiddenFences => hiddenFences;
        public List<PackageInference.Found> Packages { get; } = [];
        public List<string> Usings { get; } = [];
        public Dictionary<SourceLocation, SnippetResult> Left { get; } = [];
        public HashSet<string> LookedUp { get; } = new(StringComparer.Ordinal);
        public IReadOnlyList<SnippetResult>? Passed { get; set; }
        public bool GaveUp { get; set; }

        /// <summary>
        /// The page's blocks, each with its kind; the left-out ones <c>ignore</c>; the page's packages and usings on the first of the rest.
        /// </summary>
        public IReadOnlyList<Snippet> Blocks()
        {
            var blocks = page.Snippets.Snippets.Where(s => s.Tags.Session is null).ToList();
            var kinds = KindsOf(page, blocks);
            var first = blocks.FindIndex(b => !Left.ContainsKey(b.Location));
            return [.. blocks.Select((b, i) => b with
            {
                Tags = b.Tags with
                {
                    Kind = Left.ContainsKey(b.Location) ? SnippetKind.Ignore : kinds[i],
                    Packages = i == first ? PackagesAt(b.Location) : [],
                    Usings = i == first ? [.. Usings] : [],
                },
            })];
        }

        /// <summary>The page's packages, by id, as tags of the block at <paramref name="location"/>.</summary>
        private IReadOnlyList<PackageRequest> PackagesAt(SourceLocation location) =>
            [.. Packages.Select(p => p.Package with { Location = location }).OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// The fixture of each page, when one verifies any block: <paramref name="pages"/> are untagged pages (or pages config
    /// already makes fixtures), as <paramref name="verifier"/> first read them.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, Trial>> FindAsync(IBlockTrials verifier, PackageInference packages,
        IReadOnlyList<PreparedDocument> pages, CancellationToken cancellationToken)
    {
        if (pages.Count == 0) return new Dictionary<string, Trial>();
        var configured = verifier.Config.HiddenFences ?? [];
        var words = pages.ToDictionary(p => p.Snippets.Source.Document.FullPath, p => HiddenFenceWords(p, configured));
        var found = words.Values.SelectMany(w => w).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();

        var attempts = new List<Attempt>();
        // Without the hidden fences first: a page that passes so needs no more config.
        var asFixtures = new SnippetCheckConfig { Fixture = true };
        List<(IReadOnlyList<PreparedDocument> Reading, IReadOnlyList<string> Fences)> readings = [(verifier.Prepare(asFixtures).Documents, [])];
        if (found.Count > 0) readings.Add((verifier.Prepare(asFixtures with { HiddenFences = [.. configured, .. found] }).Documents, found));
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
                var nextTries = tried.Select(t => NextAsync(t.Attempt, t.Blocks, results, packages, cancellationToken));
                await Task.WhenAll(nextTries).ConfigureAwait(false);
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

    /// <summary>
    /// What the next round of a page tries: done when every block not left out passed; the packages and usings that
    /// declare the names it failed on; else its failing blocks left out. Gives up when none of these is left.
    /// </summary>
    private static async Task NextAsync(
        Attempt attempt, IReadOnlyList<Snippet> blocks, IReadOnlyList<SnippetResult> results, PackageInference packages,
        CancellationToken cancellationToken)
    {
        var tried = blocks.Where(b => b.Kind != SnippetKind.Ignore).ToList();
        var own = tried.Select(b => results.FirstOrDefault(r => r.Snippet.Location == b.Location)).OfType<SnippetResult>().ToList();
        // Every block tried has its verdict, or the page is not judged at all: a missing result is never a pass.
        if (own.Count == 0 || own.Count != tried.Count)
        {
            attempt.GaveUp = true;
            return;
        }
        if (own.All(r => r.Status == SnippetStatus.Passed))
        {
            attempt.Passed = own;
            return;
        }
        var failed = own.Where(r => r.Status == SnippetStatus.Failed).ToList();
        var source = attempt.Page.Snippets.Source.Document;
        var names = failed.SelectMany(r => r.Diagnostics)
            .Where(d => d.IsError && d.Id is "CS0246" or "CS0103" or "CS0234" or "CS1061")
            .Select(d => (d.Id, Name: NameAt(source, d.Location))).Where(n => n.Name is not null).Distinct().ToList();

        var settings = attempt.Page.FixtureSettingsFor(blocks);
        var progressed = false;
        // The packages that declare the names: a page's test framework and mocking library, which it seldom imports in view.
        var unlooked = names.Select(n => n.Name!).Where(n => char.IsUpper(n[0]) && attempt.LookedUp.Add(n)).ToList();
        if (unlooked.Count > 0)
        {
            var wanted = names.Select(n => n.Name!).ToHashSet(StringComparer.Ordinal);
            foreach (var package in await packages.ForPageAsync(attempt.Original, wanted, settings.References, cancellationToken).ConfigureAwait(
                false))
            {
                if (attempt.Packages.Any(p => p.Package.Id.Equals(package.Package.Id, StringComparison.OrdinalIgnoreCase))) continue;
                attempt.Packages.Add(package);
                progressed = true;
            }
        }
        // The usings the names need, in what the page compiles against with its packages: one namespace each.
        var references = settings.References.AddRange(attempt.Packages.SelectMany(p => p.Compile).Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)));
        // What the round compiled with: a name in two namespaces stays ambiguous though this round imports one of them
        // for another name ('[Test]' is NUnit.Framework's, and NUnit.Framework.Internal has a Test class).
        IReadOnlyList<string> imported = [.. settings.Usings, .. attempt.Usings];
        foreach (var namespaces in names.Select(
            n => UsingInference.NamespacesOf(n.Id == "CS1061" ? UsingInference.ExtensionKey + n.Name : n.Name!, references, imported)))
        {
            if (namespaces.Count != 1 || attempt.Usings.Contains(namespaces[0])) continue;
            attempt.Usings.Add(namespaces[0]);
            progressed = true;
        }
        if (progressed) return;
        // Nothing more declares what they lack, or they fail for another reason: the page goes on without them.
        foreach (var result in failed) attempt.Left[result.Snippet.Location] = result;
        if (failed.Count == 0) attempt.GaveUp = true;
    }

    /// <summary>
    /// Each block's kind on the page: <c>run</c> for statements, a <c>Main</c> or test methods (which run only so); else <c>compile</c>.
    /// </summary>
    private static IReadOnlyList<SnippetKind> KindsOf(PreparedDocument page, IReadOnlyList<Snippet> blocks)
    {
        return [.. page.RunnableInFixture(blocks).Select(runs => runs ? SnippetKind.Run : SnippetKind.Compile)];
    }

    /// <summary>
    /// The info strings of the fences in the page's HTML comments that config does not name yet: the docs' own hidden
    /// code (<c>```requiredcode</c>), worth a trial as hidden members of the page. Plain words only, as YAML writes them bare.
    /// </summary>
    private static IReadOnlyList<string> HiddenFenceWords(PreparedDocument page, IReadOnlyList<string> configured) =>
        [.. page.Snippets.Source.Items.OfType<HiddenFences>().SelectMany(h => h.Fences).Select(f => f.Info)
            .Where(w => PlainWord().IsMatch(w) && !configured.Contains(w, StringComparer.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];

    /// <summary>The identifier at a diagnostic's place in the page: a block's line or its hidden code's.</summary>
    private static string? NameAt(SourceDocument document, SourceLocation location)
    {
        var line = document.Lines.Text(location.Line);
        var start = location.Column - 1;
        if (start < 0 || start >= line.Length) return null;
        var end = start;
        while (end < line.Length && (char.IsLetterOrDigit(line[end]) || line[end] == '_')) end++;
        return end > start ? line[start..end] : null;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex PlainWord();
}
