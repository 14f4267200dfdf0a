using SnippetCheck.Programs;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption.Inference.Packages;

/// <summary>
/// The smallest package set a block still passes with: a block gets every package of its post that declares
/// one of the names it lacks, and a namespace's parts count as names, so a page of a library family (Swashbuckle's six
/// <c>Swashbuckle.AspNetCore.*</c> packages) gave each block all of them. Each package is dropped in turn and the block
/// verified again; a drop is kept when the block still passes. Rounds are batched across blocks, one verify each, and
/// bounded: a block is tried without each of its packages at most once. The rule is here; its rounds of trials are
/// Trials/TrimTrials' (adopt's inference runs no code, so its rules test without a run).
/// </summary>
internal static class PackageTrim
{
    /// <summary>The most rounds: a block with more packages keeps those it was not tried without.</summary>
    public const int MostRounds = 8;

    /// <summary>
    /// The blocks of <paramref name="passed"/> worth trimming: blocks with one package or none are not tried (a block that
    /// lacked names needs one).
    /// </summary>
    /// <param name="passed">Blocks with the result they passed with (its snippet as verified: tags, hidden lines).</param>
    public static List<Block> Candidates(IReadOnlyList<(PreparedDocument Document, SnippetResult Passed)> passed) =>
        [.. passed.Where(p => p.Passed.Status == SnippetStatus.Passed && p.Passed.Snippet.Tags.Packages.Count > 1)
            .Select(p => new Block(p.Document, p.Passed.Snippet))];

    /// <summary>A round's trials: each block not done yet without its next package; none when every block is done.</summary>
    public static List<(Block Block, Snippet Trial)> Round(IReadOnlyList<Block> blocks)
    {
        foreach (var block in blocks) block.SkipExtended();
        return [.. blocks.Where(b => b.Snippet.Tags.Packages.Count > 1 && b.Next < b.Snippet.Tags.Packages.Count)
            .Select(b => (Block: b, Trial: b.WithoutNext()))];
    }

    /// <summary>Reads a round's results into its blocks.</summary>
    public static void Read(IReadOnlyList<(Block Block, Snippet Trial)> trials, IReadOnlyList<SnippetResult> tried)
    {
        var results = tried.ToDictionary(r => r.Snippet.Location);
        foreach (var (block, trial) in trials)
        {
            // Kept: the next package now stands where the dropped one stood. Not kept: the block needs it; try the next.
            if (results.GetValueOrDefault(trial.Location)?.Status == SnippetStatus.Passed) (block.Snippet, block.Trimmed) = (trial, true);
            else block.Next++;
        }
    }

    /// <summary>The blocks that pass with fewer packages, each with the tags it passes with.</summary>
    public static IReadOnlyDictionary<SourceLocation, SnippetTags> Trimmed(IReadOnlyList<Block> blocks) =>
        blocks.Where(b => b.Trimmed).ToDictionary(b => b.Snippet.Location, b => b.Snippet.Tags);

    /// <summary>A block being trimmed: its snippet with the packages it passes with so far, and the package to drop next.</summary>
    internal sealed class Block(PreparedDocument document, Snippet snippet)
    {
        public PreparedDocument Document { get; } = document;
        public Snippet Snippet { get; set; } = snippet;
        public int Next { get; set; }
        public bool Trimmed { get; set; }

        /// <summary>
        /// Moves <see cref="Next"/> past each package another of the set extends (<c>BenchmarkDotNet</c> beside
        /// <c>BenchmarkDotNet.Diagnostics.Windows</c>): without it the add-on still compiles, against the older version of it
        /// the add-on depends on, so the block would pass on a version nobody pinned.
        /// </summary>
        public void SkipExtended()
        {
            var packages = Snippet.Tags.Packages;
            bool Extended(PackageRequest package) =>
                packages.Any(p => p.Id.StartsWith(package.Id + ".", StringComparison.OrdinalIgnoreCase));
            while (Next < packages.Count && Extended(packages[Next])) Next++;
        }

        /// <summary>The block without its <see cref="Next"/> package: the trial of whether it needs that one.</summary>
        public Snippet WithoutNext() =>
            Snippet with { Tags = Snippet.Tags with { Packages = [.. Snippet.Tags.Packages.Where((_, i) => i != Next)] } };
    }
}
