using SnippetCheck.Extraction;
using SnippetCheck.Results;
using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Engine.Scheduling;

namespace SnippetCheck.Editing;

/// <summary>
/// <c>--accept</c> (docs/authoring.md): after a verify run, rewrites each output block whose snippet failed with
/// <c>output-mismatch</c> so that it holds the actual output. An empty output block is a placeholder and is
/// filled the same way. Only the block's body changes; every other byte of the file (encoding, BOM, line
/// endings, container prefixes) stays, except that both fences grow when the new output holds a run of
/// the fence character as long as the fence. <c>ellipsis</c> and <c>unordered</c> blocks are never rewritten.
/// </summary>
internal static class OutputAcceptor
{
    /// <summary>Rewrites the output blocks of the report's output-mismatch failures, file by file, each file atomically.</summary>
    public static AcceptOutcome Accept(VerificationReport report)
    {
        var refused = new List<AcceptEntry>();
        var candidates = new List<(SnippetResult Joined, SnippetResult Source, IReadOnlyList<(string Frameworks, string Body)> Others)>();
        foreach (var result in report.Snippets)
        {
            if (result.Frameworks is null)
            {
                if (IsMismatch(result)) candidates.Add((result, result, []));
                continue;
            }
            // A matrix: each output block once, with the one output every framework it serves printed; where they
            // printed different things, the block the others share keeps the main framework's, and the rest get blocks
            // of their own (```output frameworks=net8.0), which only a block that names no frameworks can hand out.
            foreach (var block in result.Frameworks.Where(f => f.Result?.Snippet.Output is not null)
                .GroupBy(f => f.Result!.Snippet.Output!.Block.Location).Where(g => g.Any(f => IsMismatch(f.Result!))))
            {
                var first = block.First(f => IsMismatch(f.Result!)).Result!;
                var outputs = block.GroupBy(f => Comparable(f.Result!.ActualOutput)).ToList();
                if (outputs.Count == 1 && block.All(f => IsMismatch(f.Result!)))
                {
                    candidates.Add((result, first, []));
                    continue;
                }
                var main = FrameworkMatrix.Main([.. block.Select(f => f.Framework)]);
                var kept = outputs.Single(o => o.Any(f => f.Framework == main));
                var others = outputs.Where(o => o != kept).Select(
                    o => (string.Join(',', o.Select(f => f.Framework.Moniker)), NewBody(first.Snippet.Output!, o.First().Result!.ActualOutput)))
                    .ToList();
                if (first.Snippet.Output!.Frameworks is not null)
                    refused.Add(Refuse(first, $"the output differs between the frameworks of this ```output " +
                        $"frameworks={first.Snippet.Output.Frameworks.Text} block ({string.Join(", ", block.Select(f => f.Framework.Moniker))}); " +
                        $"split it by hand") with { Result = result });
                else
                    candidates.Add((result, kept.First(f => f.Framework == main).Result!, others));
            }
        }
        if (candidates.Count == 0 && refused.Count == 0) return AcceptOutcome.Nothing;

        var entries = new Dictionary<SnippetResult, AcceptEntry>(ReferenceEqualityComparer.Instance);
        var written = new List<string>();
        foreach (var file in candidates.GroupBy(c => c.Source.Snippet.Output!.Block.Location.File, StringComparer.Ordinal))
        {
            var document = report.Documents.FirstOrDefault(d => d.DisplayPath == file.Key);
            var fileEntries = document is null
                ? [.. file.Select(c => Refuse(c.Source, "the file was not read in this run"))]
                : AcceptInFile(document, [.. file.Select(c => (c.Source, c.Others))], written);
            foreach (var entry in fileEntries) entries[entry.Result] = entry;
        }
        // Entries speak of the report's results, so that Apply turns the accepted ones into passes.
        return new AcceptOutcome([.. candidates.Select(c => entries[c.Source] with { Result = c.Joined }), .. refused], written);
    }

    private static bool IsMismatch(SnippetResult result) =>
        result is { Status: SnippetStatus.Failed, Reason: FailureReason.OutputMismatch } && result.Snippet.Output is not null;

    /// <summary>An output as a comparison reads it: canonical, with the default scrubbers' values (a GUID, a date) alike.</summary>
    private static string Comparable(string? actual) =>
        string.Join('\n', OutputComparer.Scrub(OutputComparer.Normalize(actual ?? ""), Scrubbing.Default));

    /// <param name="results">Each result with the output blocks to add after its own (a matrix's outputs that differ); mostly none.</param>
    private static List<AcceptEntry> AcceptInFile(
        SourceDocument document, IReadOnlyList<(SnippetResult Result, IReadOnlyList<(string Frameworks, string Body)> Others)> results,
        List<string> written)
    {
        var entries = new List<AcceptEntry>();
        var planned = new List<(SnippetResult Result, BlockRewrite Rewrite)>();
        foreach (var (result, others) in results)
        {
            if (Plan(document, result, others, out var refusal) is { } rewrite) planned.Add((result, rewrite));
            else entries.Add(Refuse(result, refusal!));
        }
        if (planned.Count == 0) return entries;

        var failure = WriteFile(document, [.. planned.Select(p => p.Rewrite)]);
        foreach (var (result, rewrite) in planned)
        {
            entries.Add(failure is null ? Accepted(result, rewrite) : Refuse(result, failure));
        }
        if (failure is null) written.Add(document.DisplayPath);
        return entries;
    }

    /// <summary>
    /// What the output block should hold: the actual output as matching sees it, below the block's prompt line
    /// (<c>$ dotnet run</c> in a <c>console</c> block), which stays.
    /// </summary>
    private static string NewBody(ExpectedOutput output, string? actual)
    {
        var canonical = OutputComparer.Canonical(actual ?? "");
        return output.Prompt is not { } prompt ? canonical : canonical.Length == 0 ? prompt : prompt + "\n" + canonical;
    }

    /// <summary>What ends a hidden output's comment early: <c>--&gt;</c> in HTML, <c>*/</c> in MDX.</summary>
    private static string EndsComment(string closingMarker) => closingMarker == "-->" ? "-->" : "*/";

    /// <summary>
    /// The edits that accept one <c>output-mismatch</c> result in the document's text, without writing anything: an
    /// editor's "Accept actual output". The same rewrite and the same read-back check as <see cref="Accept"/>, so the
    /// text after the edits is byte for byte what <c>--accept</c> would write. Null, and why not, when it cannot.
    /// </summary>
    public static IReadOnlyList<TextEdit>? PlanEdits(SourceDocument document, SnippetResult result, out string? refusal)
    {
        if (result is not { Status: SnippetStatus.Failed, Reason: FailureReason.OutputMismatch } || result.Snippet.Output is null)
        {
            refusal = "the snippet did not fail with an output mismatch";
            return null;
        }
        if (document.InvalidUtf8Offset is not null)
        {
            refusal = "the file is not valid UTF-8, so it cannot be rewritten byte for byte";
            return null;
        }
        if (Plan(document, result, [], out refusal) is not { } rewrite) return null;
        if (!ParsesBack(document, TextEdit.Apply(document.Text, rewrite.Edits), [rewrite]))
        {
            refusal = "the rewritten file would not read back the same (a bug; please report it with the file)";
            return null;
        }
        return rewrite.Edits;
    }

    /// <summary>The rewrite of one result's output block, or null and why not.</summary>
    private static BlockRewrite? Plan(
        SourceDocument document, SnippetResult result, IReadOnlyList<(string Frameworks, string Body)> others, out string? refusal)
    {
        var output = result.Snippet.Output!;
        refusal = null;
        if (output.Mode != OutputMatchMode.Exact)
            refusal = $"{output.Mode.ToString().ToLowerInvariant()} block; update it by hand";
        else if (!output.Block.Geometry.IsClosed)
            refusal = output.Block.Geometry switch
            {
                { XmlEscaped: true, Hidden: not null } => "a hidden output in a doc comment is not rewritten by --accept; update it by hand",
                { XmlEscaped: true } =>
                    "only an output <code> element whose <code> and </code> tags stand on lines of their own, without CDATA, can be rewritten",
                { Hidden: { } close } => $"the hidden output's closing '{close}' shares a line with the output; put it on a line of its own",
                _ => "the output block has no closing fence",
            };
        else if (NewBody(output, result.ActualOutput) is var body && output.Block.Geometry.Hidden is { } marker
            && body.Contains(EndsComment(marker), StringComparison.Ordinal))
            refusal = $"the output holds '{EndsComment(marker)}', which would end the hidden output's comment";
        else if (others.Count > 0)
        {
            if (BlockRewrite.PlanSplit(document, output.Block, body, others) is { } split) return split;
            refusal = $"the output differs between frameworks ({string.Join("; ", others.Select(o => o.Frameworks))} print other output), and only " +
                $"a visible output block outside a list or quote is split by --accept; " +
                $"add ```output frameworks={others[0].Frameworks} by hand";
        }
        else if (BlockRewrite.Plan(document, output.Block, body) is { } rewrite)
            return rewrite;
        else
            refusal = "the output block's closing fence was not found";
        return null;
    }

    /// <summary>Applies the rewrites to the file, which must still be as verified (<see cref="TextEdit.Rewrite"/>).</summary>
    /// <returns>Null when written; otherwise why not.</returns>
    private static string? WriteFile(SourceDocument document, IReadOnlyList<BlockRewrite> rewrites)
    {
        var edits = rewrites.SelectMany(r => r.Edits).ToList();
        return TextEdit.Rewrite(document, edits, rewritten => ParsesBack(document, rewritten, rewrites),
            "the rewritten file would not read back the same (a bug; please report it with the file)");
    }

    /// <summary>
    /// The rewritten file must have the same fenced blocks, with the same info strings and bodies, except that
    /// each rewritten output block now holds exactly its new text. Guards against a prefix or fence case the
    /// rewrite got wrong ever reaching the disk.
    /// </summary>
    private static bool ParsesBack(SourceDocument original, string rewritten, IReadOnlyList<BlockRewrite> rewrites)
    {
        var before = DocumentExtractor.Extract(original).Items.OfType<FencedBlock>().ToList();
        var rewrittenDocument = SourceDocument.FromText(original.FullPath, original.DisplayPath, rewritten);
        var after = DocumentExtractor.Extract(rewrittenDocument).Items.OfType<FencedBlock>().ToList();
        var byBlock = rewrites.ToDictionary(r => r.Block.Geometry.BodyStart);
        // Every block as it was, with the new bodies, and after a split block the output blocks it gained.
        var expected = before.SelectMany(block => byBlock.TryGetValue(block.Geometry.BodyStart, out var rewrite)
            ? [(block.Info, block.Arguments, rewrite.NewBody), .. rewrite.Inserted.Select(i => (block.Info, i.Arguments, i.Body))]
            : new[] { (block.Info, block.Arguments, block.Content) }).ToList();
        return expected.Count == after.Count
            && expected.Zip(after).All(pair => pair.First == (pair.Second.Info, pair.Second.Arguments, pair.Second.Content));
    }

    private static AcceptEntry Accepted(SnippetResult result, BlockRewrite rewrite)
    {
        var verb = rewrite.WasEmpty ? "filled empty output block" : "accepted output";
        var fence = rewrite.NewFenceLength is { } length ? $"; fences lengthened to {length} '{rewrite.Block.Geometry.FenceChar}'" : "";
        var added = string.Concat(
            rewrite.Inserted.Select(i => $"; added an ```{rewrite.Block.Info} {i.Arguments} block for the output that differs there"));
        return new AcceptEntry(rewrite.Block.Location, result, true, $"{verb} for {Describe(result)}{added}{fence}{VolatileNote(result)}");
    }

    /// <summary>
    /// Accepted output that holds a value which changes every run (a GUID, a date, a duration) fails again on the next
    /// run unless a scrubber replaces it: says which value, and what to write. Empty when nothing in it looks volatile.
    /// </summary>
    internal static string VolatileNote(SnippetResult result)
    {
        var actual = OutputComparer.Canonical(result.ActualOutput ?? "");
        string[] named = [.. result.Snippet.Tags.Scrub ?? [], .. result.Snippet.Output?.Scrub ?? []];
        var off = named.Contains(Scrubbers.None);
        var defaults = Scrubbers.OnByDefault.Where(s => s.Finds(actual)).Select(Example).Distinct().ToList();
        if (off && defaults.Count > 0)
            return $"; note: it holds values that change every run ({string.Join(", ", defaults)}), and `scrub=none` turns scrubbing off, " +
                "so the next run fails: remove `scrub=none`, or write `...` in their place and add `ellipsis`";
        var optIn = Scrubbers.OptIn.Where(s => s.Name is "duration" or "hex" && !named.Contains(s.Name) && s.Finds(actual)).ToList();
        if (optIn.Count > 0)
            return $"; note: it holds values that change every run ({string.Join(" and ", optIn.Select(Example))}): unless \"scrub\" in config " +
                $"names them, " +
                $"add `scrub={string.Join(',', optIn.Select(s => s.Name))}` to the output block, or write `...` in their place and add `ellipsis`";
        return defaults.Count > 0 ? $"; it holds {string.Join(", ", defaults)}, scrubbed on every comparison (docs/authoring.md, \"Scrubbing\")" : "";

        string Example(Scrubber scrubber) =>
            scrubber.Placeholder switch
            {
                "Guid" => "a GUID", "Date" => "a date", "Duration" => "a duration", "Hex" => "a hex value", _ => "the snippet's own folder",
            } + $" (`{scrubber.Pattern.Match(actual).Value}`)";
    }

    private static AcceptEntry Refuse(SnippetResult result, string why) =>
        new(result.Snippet.Output!.Block.Location, result, false, $"not rewritten: {why} (output of {Describe(result)})");

    private static string Describe(SnippetResult result) =>
        result.Snippet.Tags.Name is { } name
            ? $"'{name}' (snippet at line {result.Location.Line})"
            : $"the snippet at line {result.Location.Line}";
}
