using System.Text;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Markdown;

namespace SnippetCheck.Editing;

/// <summary>
/// The edits that make one output block hold new text: its body lines replaced, each with the block's container
/// prefix and the line ending of its opening fence line, and, when the text holds a run of the fence character
/// as long as the fence, one more fence character than that run added to both fences.
/// </summary>
internal sealed record BlockRewrite(FencedBlock Block, string NewBody, bool WasEmpty, int? NewFenceLength, IReadOnlyList<TextEdit> Edits)
{
    /// <summary>Output blocks added after <see cref="Block"/>, each with its info string's arguments and body (<see cref="PlanSplit"/>).</summary>
    public IReadOnlyList<(string Arguments, string Body)> Inserted { get; init; } = [];

    /// <summary>
    /// As <see cref="Plan"/>, then one more output block after this one for each of <paramref name="others"/>, written
    /// with the same fence and info string plus <c>frameworks=</c>: output that differs between the frameworks of a
    /// matrix. Only for a visible block outside any container; null otherwise, or when the fence cannot be found.
    /// </summary>
    public static BlockRewrite? PlanSplit(
        SourceDocument document, FencedBlock block, string newBody, IReadOnlyList<(string Frameworks, string Body)> others)
    {
        var geometry = block.Geometry;
        if (geometry.XmlEscaped || geometry.Hidden is not null || geometry.LinePrefix.Length > 0) return null;
        if (Plan(document, block, newBody) is not { } rewrite) return null;
        var text = document.Text;
        var closingRun = FirstFenceChar(text, geometry.BodyEnd, geometry.FenceChar);
        if (closingRun < 0) return null;
        var lineEnding = PageLines.LineEndingBefore(text, geometry.BodyStart);
        var closingEnd = text.IndexOfAny(['\r', '\n'], closingRun);
        var insertAt = closingEnd < 0 ? text.Length : closingEnd + LineEndingAfter(text, closingEnd).Length;
        var inserted = new StringBuilder(closingEnd < 0 ? lineEnding : "");
        var added = new List<(string Arguments, string Body)>();
        foreach (var (frameworks, body) in others)
        {
            var fence = new string(
                geometry.FenceChar, Math.Max(rewrite.NewFenceLength ?? geometry.FenceLength, Fences.LongestRun(body, geometry.FenceChar) + 1));
            var arguments = (block.Arguments.Length > 0 ? block.Arguments + " " : "") + "frameworks=" + frameworks;
            inserted.Append(lineEnding).Append(fence).Append(block.Info).Append(' ').Append(arguments).Append(lineEnding);
            foreach (var line in body.Length == 0 ? [] : body.Split('\n')) inserted.Append(line).Append(lineEnding);
            inserted.Append(fence).Append(lineEnding);
            added.Add((arguments, body));
        }
        return rewrite with { Edits = [.. rewrite.Edits, new TextEdit(insertAt, insertAt, inserted.ToString())], Inserted = added };
    }

    /// <summary>Plans the rewrite; null when the closing fence cannot be found where the geometry says.</summary>
    public static BlockRewrite? Plan(SourceDocument document, FencedBlock block, string newBody)
    {
        var text = document.Text;
        var geometry = block.Geometry;
        var lineEnding = PageLines.LineEndingBefore(text, geometry.BodyStart);
        if (geometry.XmlEscaped) return PlanXml(block, newBody, lineEnding);
        if (geometry.Hidden is not null) return PlanHidden(text, block, newBody);
        var prefix = PageLines.ContinuationPrefix(geometry.LinePrefix);
        var lines = newBody.Length == 0 ? [] : newBody.Split('\n');

        var body = new StringBuilder();
        foreach (var line in lines)
        {
            // A blank line needs no trailing indent; '>' alone still continues a block quote.
            body.Append(line.Length == 0 ? prefix.TrimEnd() : prefix + line).Append(lineEnding);
        }
        var edits = new List<TextEdit> { new(geometry.BodyStart, geometry.BodyEnd, body.ToString()) };

        var closingRun = FirstFenceChar(text, geometry.BodyEnd, geometry.FenceChar);
        if (closingRun < 0) return null;

        int? newLength = null;
        var longestRun = Fences.LongestRun(newBody, geometry.FenceChar);
        if (longestRun >= geometry.FenceLength)
        {
            newLength = longestRun + 1;
            var openingRun = FirstFenceChar(text, document.Lines.LineStart(block.Location.Line), geometry.FenceChar);
            if (openingRun < 0) return null;
            edits.Add(new TextEdit(openingRun, openingRun, new string(geometry.FenceChar, newLength.Value - geometry.FenceLength)));
            var closingLength = RunLength(text, closingRun, geometry.FenceChar);
            if (closingLength < newLength)
                edits.Add(new TextEdit(closingRun, closingRun, new string(geometry.FenceChar, newLength.Value - closingLength)));
        }
        return new BlockRewrite(block, newBody, block.Lines.Count == 0 || block.Content.Trim().Length == 0, newLength, edits);
    }

    /// <summary>
    /// A doc comment's <c>&lt;code&gt;</c> body: each line behind the comment prefix and indentation the body had,
    /// XML-escaped, between tags that stay as they are.
    /// </summary>
    private static BlockRewrite PlanXml(FencedBlock block, string newBody, string lineEnding)
    {
        var prefix = block.Geometry.LinePrefix;
        var body = new StringBuilder();
        foreach (var line in newBody.Length == 0 ? [] : newBody.Split('\n'))
        {
            body.Append(line.Length == 0 ? prefix.TrimEnd() : prefix + EscapeXml(line)).Append(lineEnding);
        }
        return new BlockRewrite(block, newBody, block.Lines.Count == 0 || block.Content.Trim().Length == 0, null,
            [new TextEdit(block.Geometry.BodyStart, block.Geometry.BodyEnd, body.ToString())]);
    }

    /// <summary>
    /// Hidden output: the comment's body lines replaced, each behind the comment's container prefix. A one-line
    /// comment (<c>&lt;!-- snippetcheck: output --&gt;</c>) opens up: the output goes on lines of its own, and the
    /// closing marker on the line after them.
    /// </summary>
    private static BlockRewrite PlanHidden(string text, FencedBlock block, string newBody)
    {
        var geometry = block.Geometry;
        var prefix = PageLines.ContinuationPrefix(geometry.LinePrefix);
        var lineEnding = geometry.OpensInline ? LineEndingAfter(text, geometry.BodyEnd) : PageLines.LineEndingBefore(text, geometry.BodyStart);
        var body = new StringBuilder();
        if (geometry.OpensInline && newBody.Length > 0) body.Append(lineEnding);
        foreach (var line in newBody.Length == 0 ? [] : newBody.Split('\n'))
        {
            body.Append(line.Length == 0 ? prefix.TrimEnd() : prefix + line).Append(lineEnding);
        }
        if (geometry.OpensInline) body.Append(newBody.Length > 0 ? prefix : text[geometry.BodyStart..geometry.BodyEnd]);
        return new BlockRewrite(block, newBody, block.Lines.Count == 0 || block.Content.Trim().Length == 0, null,
            [new TextEdit(geometry.BodyStart, geometry.BodyEnd, body.ToString())]);
    }

    /// <summary>The line ending of the line that holds <paramref name="offset"/>; that of the line before at the end of the file.</summary>
    private static string LineEndingAfter(string text, int offset)
    {
        var end = text.IndexOfAny(['\r', '\n'], offset);
        if (end < 0)
        {
            var lineStart = text.LastIndexOfAny(['\r', '\n'], Math.Max(0, offset - 1)) + 1;
            return lineStart > 0 ? PageLines.LineEndingBefore(text, lineStart) : "\n";
        }
        return text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? "\r\n" : text[end].ToString();
    }

    /// <summary>What XML text needs: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> as entities, everything else as it is.</summary>
    internal static string EscapeXml(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(
            ">", "&gt;", StringComparison.Ordinal);

    /// <summary>The offset of the first fence character on the line starting at <paramref name="lineStart"/>, or -1.</summary>
    private static int FirstFenceChar(string text, int lineStart, char fenceChar)
    {
        for (var i = lineStart; i < text.Length && text[i] is not ('\n' or '\r'); i++)
        {
            if (text[i] == fenceChar) return i;
        }
        return -1;
    }

    private static int RunLength(string text, int start, char c)
    {
        var end = start;
        while (end < text.Length && text[end] == c) end++;
        return end - start;
    }

}
