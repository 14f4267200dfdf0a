using SnippetCheck.Programs;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Results;
using SnippetCheck.Editing;

namespace SnippetCheck.Adoption.Inference;

/// <summary>
/// The output block adopt proposes for a block that runs: the fence right after it, when it holds what each run printed,
/// compared as <c>verify</c> will compare it.
/// </summary>
internal static class AdoptedOutput
{
    /// <summary>Info strings of a fence that may become a block's output block.</summary>
    private static readonly string[] OutputLanguages = ["", "text", "console"];

    /// <summary>
    /// The fence after the block, when it is the next fence of the post, is a <c>text</c>, <c>console</c> or untagged
    /// block that belongs to no snippet, and holds what each run printed through <paramref name="scrubbing"/> (nothing
    /// printed: no output block).
    /// </summary>
    public static FencedBlock? FenceFor(PreparedDocument document, Snippet snippet, Scrubbing scrubbing, params string?[] printed)
    {
        if (printed.Any(string.IsNullOrWhiteSpace)) return null;
        var items = document.Snippets.Source.Items;
        var index = -1;
        for (var i = 0; i < items.Count; i++)
        {
            if (ReferenceEquals(items[i], snippet.Block)) index = i;
        }
        if (index < 0) return null;
        var next = items.Skip(index + 1).OfType<FencedBlock>().FirstOrDefault();
        if (next is null || SnippetReader.IsCSharp(next) || next.Comments.Count > 0 || next.Arguments.Trim().Length > 0 ||
            !OutputLanguages.Contains(next.Info.Trim(), StringComparer.OrdinalIgnoreCase) ||
            !next.Geometry.IsClosed || next.Geometry.XmlEscaped || !PageLines.CanTag(next, document.Snippets.Source.Document))
        {
            return null;
        }
        return printed.All(p => Alike(next.Content, p!, scrubbing)) ? next : null;
    }

    /// <summary>The scrubbers <c>verify</c> will compare the block's output through: the defaults and what its file or config adds.</summary>
    public static Scrubbing ScrubbingOf(PreparedDocument document, Snippet snippet) => BlockScrubbing.For(document.Settings.Config, snippet);

    /// <summary>
    /// Whether two texts read the same as <c>verify</c> compares output: line endings, trailing white space and
    /// surrounding blank lines aside, and through the block's scrubbers (GUIDs, dates, temp paths by default), exact.
    /// Two runs of a block, and a run and the fence beside it, are compared so.
    /// </summary>
    public static bool Alike(string expected, string actual, Scrubbing scrubbing) =>
        OutputComparer.Matches(expected, actual, OutputMatchMode.Exact, scrubbing);
}
