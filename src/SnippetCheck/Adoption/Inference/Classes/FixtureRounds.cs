using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption.Inference.Classes;

/// <summary>
/// A page fixture's rounds (the rules of <c>Trials/FixtureTrials</c>, which verifies each round): a page in one
/// reading, its blocks as the next round tries them, and what that round adds (the packages and usings that declare the
/// names the last one lacked) or leaves out (the blocks failing otherwise). Which of the page's hidden fences are worth
/// a reading is decided here too. Nothing here compiles or runs a block: a round's results are given.
/// </summary>
internal static partial class FixtureRounds
{
    /// <summary>One page in one reading (with or without its hidden fences), round after round.</summary>
    public sealed class Attempt(PreparedDocument original, PreparedDocument page, IReadOnlyList<string> hiddenFences)
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
    /// The packages the next round of a page asks for (<see cref="Next"/>'s first step): the names its failed blocks lack,
    /// when one that a package may declare (PascalCase) was not looked up before; null when the round asks for none.
    /// </summary>
    public static (PreparedDocument Page, IReadOnlySet<string> Unknown, ImmutableArray<MetadataReference> Framework)? Asks(
        Attempt attempt, IReadOnlyList<Snippet> blocks, IReadOnlyList<SnippetResult> results)
    {
        if (Judged(blocks, results) is not { } own || own.All(r => r.Status == SnippetStatus.Passed)) return null;
        var names = Lacking(own.Where(r => r.Status == SnippetStatus.Failed), attempt.Page.Snippets.Source.Document);
        if (!names.Select(n => n.Name!).Any(n => char.IsUpper(n[0]) && !attempt.LookedUp.Contains(n))) return null;
        return (attempt.Original, names.Select(n => n.Name!).ToHashSet(StringComparer.Ordinal), attempt.Page.FixtureSettingsFor(blocks).References);
    }

    /// <summary>
    /// What the next round of a page tries: done when every block not left out passed; the packages (of
    /// <paramref name="found"/>, the answer to <see cref="Asks"/>) and usings that declare the names it failed on; else its
    /// failing blocks left out. Gives up when none of these is left.
    /// </summary>
    public static void Next(
        Attempt attempt, IReadOnlyList<Snippet> blocks, IReadOnlyList<SnippetResult> results, IReadOnlyList<PackageInference.Found> found)
    {
        // Every block tried has its verdict, or the page is not judged at all: a missing result is never a pass.
        if (Judged(blocks, results) is not { } own)
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
        var names = Lacking(failed, attempt.Page.Snippets.Source.Document);

        var settings = attempt.Page.FixtureSettingsFor(blocks);
        var progressed = false;
        // The packages that declare the names: a page's test framework and mocking library, which it seldom imports in view.
        var unlooked = names.Select(n => n.Name!).Where(n => char.IsUpper(n[0]) && attempt.LookedUp.Add(n)).ToList();
        if (unlooked.Count > 0)
        {
            foreach (var package in found)
            {
                if (attempt.Packages.Any(p => p.Package.Id.Equals(package.Package.Id, StringComparison.OrdinalIgnoreCase))) continue;
                attempt.Packages.Add(package);
                progressed = true;
            }
        }
        // The usings the names need, in what the page compiles against with its packages: one namespace each.
        var references = settings.References.AddRange(PackageInference.Found.ReferencesOf(attempt.Packages));
        // What the round compiled with: a name in two namespaces stays ambiguous though this round imports one of them
        // for another name ('[Test]' is NUnit.Framework's, and NUnit.Framework.Internal has a Test class).
        IReadOnlyList<string> imported = [.. settings.Usings, .. attempt.Usings];
        foreach (var namespaces in names.Select(
            n => UsingInference.NamespacesOf(n.Id == UnknownNames.Member ? UsingInference.ExtensionKey + n.Name : n.Name!, references, imported)))
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

    /// <summary>The results of the blocks a round tried, each block's own; null when one has none or none was tried.</summary>
    private static List<SnippetResult>? Judged(IReadOnlyList<Snippet> blocks, IReadOnlyList<SnippetResult> results)
    {
        var tried = blocks.Where(b => b.Kind.Rule().Verified).ToList();
        var own = tried.Select(b => results.FirstOrDefault(r => r.Snippet.Location == b.Location)).OfType<SnippetResult>().ToList();
        return own.Count == 0 || own.Count != tried.Count ? null : own;
    }

    /// <summary>
    /// The names a round's failed blocks lack, with the error that says so (<see cref="UnknownNames.Fixture"/>): what the
    /// next round looks up packages and usings for. An error whose place names no identifier is none of them.
    /// </summary>
    public static IReadOnlyList<(string Id, string? Name)> Lacking(IEnumerable<SnippetResult> failed, SourceDocument source) =>
        [.. failed.SelectMany(r => r.Diagnostics)
            .Where(d => d.IsError && UnknownNames.Fixture.Contains(d.Id))
            .Select(d => (d.Id, Name: NameAt(source, d.Location))).Where(n => n.Name is not null).Distinct()];

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
    public static IReadOnlyList<string> HiddenFenceWords(PreparedDocument page, IReadOnlyList<string> configured) =>
        [.. page.Snippets.Source.Items.OfType<HiddenFences>().SelectMany(h => h.Fences).Select(f => f.Info)
            .Where(w => PlainWord().IsMatch(w) && !configured.Contains(w, StringComparer.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];

    /// <summary>The identifier at a diagnostic's place in the page: a block's line or its hidden code's.</summary>
    public static string? NameAt(SourceDocument document, SourceLocation location)
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
