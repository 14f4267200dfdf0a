using SnippetCheck.Extraction;

namespace SnippetCheck.Editing;

/// <summary>
/// How a line <c>adopt</c> adds fits its page: the prefix and line ending it takes, and whether a block has a line for
/// its tag comment at all. The trials ask before they propose a tag that could not be written; the writer (and
/// <c>--accept</c>'s rewrite) write with the same answers.
/// </summary>
internal static class PageLines
{
    /// <summary>Whether a tag comment can stand on a line of its own just before the block (<see cref="CommentPrefix"/>).</summary>
    public static bool CanTag(FencedBlock block, SourceDocument document) => CommentPrefix(block, document) is not null;

    /// <summary>
    /// The prefix an inserted comment line takes. In Markdown: the fence's container prefix; null when that holds a list
    /// marker. In a doc comment: what stands before the <c>&lt;code&gt;</c> tag on its line (<c>    /// </c>,
    /// <c>     * </c>), so the tag comment is the line just before the element; null when the tag shares its line with
    /// anything else (<c>/// &lt;example&gt;&lt;code&gt;</c>, <c>/** &lt;code&gt;</c>), where a line above would not stand
    /// just before it.
    /// </summary>
    public static string? CommentPrefix(FencedBlock block, SourceDocument document)
    {
        if (block.Geometry.XmlEscaped)
        {
            var lineStart = document.Lines.LineStart(block.Location.Line);
            var before = document.Text.AsSpan(lineStart, block.Location.Column - 1);
            var rest = before.TrimStart(" \t");
            if (rest.StartsWith("///") && !rest.StartsWith("////")) rest = rest[3..];
            else if (rest.StartsWith("*") && !rest.StartsWith("*/")) rest = rest[1..];
            else return null;
            return rest.TrimStart(" \t").Length == 0 ? before.ToString() : null;
        }
        var prefix = block.Geometry.LinePrefix;
        return ContinuationPrefix(prefix) == prefix ? prefix : null;
    }

    /// <summary>
    /// Whether hidden checks can follow a doc-comment example on lines of their own: its tag line can stand before it,
    /// and its <c>&lt;/code&gt;</c> ends its line.
    /// </summary>
    public static bool CanAddAfter(FencedBlock block, SourceDocument document)
    {
        if (!block.Geometry.XmlEscaped || !CanTag(block, document) || block.EndLine >= document.Lines.LineCount) return false;
        var start = document.Lines.LineStart(block.EndLine);
        var line = document.Text[start..document.Lines.ContentEnd(block.EndLine)];
        return line.TrimEnd().EndsWith("</code>", StringComparison.Ordinal);
    }

    /// <summary>
    /// What continues the fence's containers on a following line: block-quote markers stay, list markers
    /// (<c>-</c>, <c>*</c>, <c>+</c>, <c>1.</c>, <c>1)</c>) become spaces of the same width.
    /// </summary>
    public static string ContinuationPrefix(string fenceLinePrefix) =>
        string.Concat(fenceLinePrefix.Select(c => c is '>' || char.IsWhiteSpace(c) ? c : ' '));

    /// <summary>The line ending of the line that ends just before <paramref name="lineStart"/>.</summary>
    public static string LineEndingBefore(string text, int lineStart)
    {
        if (lineStart >= 2 && text[lineStart - 2] == '\r' && text[lineStart - 1] == '\n') return "\r\n";
        if (lineStart >= 1 && text[lineStart - 1] == '\r') return "\r";
        return "\n";
    }
}
