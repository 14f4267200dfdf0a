using System.Text.RegularExpressions;
using SnippetCheck.Extraction;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption.Rot;

/// <summary>
/// A claim the code no longer meets: the block runs, and the output block beside it (a <c>text</c>,
/// <c>console</c>, <c>output</c> or bare fence, with nothing but blank lines or a short lead-in such as "Output:" between
/// them) shows something else than it prints. Only a fence that reads as its output is a claim: its info string says
/// output or console, the lead-in speaks of output, or it shares a line with what the block prints.
/// </summary>
internal static partial class OutputClaim
{
    private static readonly string[] OutputFences = ["", "text", "console", "output", "txt", "shell"];

    /// <summary>
    /// The output block beside <paramref name="snippet"/> that <paramref name="printed"/> no longer matches, as suspected rot; null for none.
    /// </summary>
    public static SuspectedRot? Of(SourceDocument document, IReadOnlyList<DocumentItem> items, Snippet snippet, Scrubbing scrubbing, string? printed)
    {
        if (string.IsNullOrWhiteSpace(printed)) return null;
        var index = -1;
        for (var i = 0; i < items.Count; i++)
        {
            if (ReferenceEquals(items[i], snippet.Block)) index = i;
        }
        if (index < 0 || index + 1 >= items.Count || items[index + 1] is not FencedBlock next) return null;
        var isOutputFence = OutputFences.Contains(next.Info.Trim(), StringComparer.OrdinalIgnoreCase);
        if (SnippetReader.IsCSharp(next) || next.Comments.Count > 0 || !isOutputFence || string.IsNullOrWhiteSpace(next.Content)) return null;
        var between = Enumerable.Range(snippet.Block.EndLine + 1, Math.Max(0, next.Location.Line - snippet.Block.EndLine - 1)).Select(
            document.Lines.Text)
            .Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        if (between.Count > 1 || between.Count == 1 && !between[0].TrimEnd().EndsWith(':')) return null;
        if (OutputComparer.Matches(next.Content, printed, OutputMatchMode.Exact, scrubbing)) return null;
        var shown = Lines(next.Content);
        var actual = Lines(printed);
        var readsAsOutput =
            next.Info.Trim() is "output" or "console" || between.Any(l => OutputWords().IsMatch(l))
            || shown.Intersect(actual, StringComparer.Ordinal).Any();
        // The text around says the code is wrong or fails: the output block shows what it should print, not a claim it does.
        if (!readsAsOutput || RotEvidence.SaysItFails(RotContext.Around(document, snippet.Block))) return null;
        var differs = Enumerable.Range(0, Math.Max(shown.Count, actual.Count))
            .First(i => i >= shown.Count || i >= actual.Count || shown[i] != actual[i]);
        // Never noise: an output block annotated for the reader ('// MS.NET runtime'), or lines that differ only in numbers,
        // symbols or letters outside ASCII (a date, a currency, a timing, an '∞' glyph) show the author's machine, not rot.
        if (shown.Any(l => l.Contains("//", StringComparison.Ordinal))
            || differs < shown.Count && differs < actual.Count && Machine(shown[differs]) == Machine(actual[differs])) return null;
        var line = next.Lines.Count == 0 ? next.Location.Line : next.Lines[Math.Min(differs, next.Lines.Count - 1)].Line;
        var expected = differs < shown.Count ? $"'{shown[differs]}'" : "nothing more";
        var got = differs < actual.Count ? $"'{actual[differs]}'" : "nothing more";
        return new SuspectedRot(
            snippet.Location with { Line = line, Column = 1 }, "output", $"the output block shows {expected}, the code prints {got}",
            RotEvidence.Claim,
            "the output block beside it no longer holds what the code prints") { Block = snippet.Location };
    }

    /// <summary>
    /// A line with each run of digits, punctuation, symbols and non-ASCII letters as one mark: what culture and runtime vary.
    /// The invariant culture's words for special numbers count as such a mark (it prints <c>Infinity</c> where a culture
    /// prints <c>∞</c>, which a console's code page may show as <c>8</c>), and so do the names of days and months: a date
    /// in the output is the clock's and the culture's (<c>Today, 07 July 2023</c> where the run prints <c>Today, Thursday, 26 November 2026</c>).
    /// </summary>
    private static string Machine(string line) => MachineParts().Replace(MachineWords().Replace(line, "∞"), "#");

    [GeneratedRegex(@"\b(?:Infinity|NaN|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August"
        + @"|September|October|November|December)\b")]
    private static partial Regex MachineWords();

    [GeneratedRegex(@"[\d\p{P}\p{S}\P{IsBasicLatin}\s]+")]
    private static partial Regex MachineParts();

    private static List<string> Lines(string text) => [.. text.ReplaceLineEndings("\n").Trim('\n').Split('\n').Select(l => l.TrimEnd())];

    [GeneratedRegex(@"\b(?:output|outputs|prints?|printed|displays?|writes|console|result)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OutputWords();
}
