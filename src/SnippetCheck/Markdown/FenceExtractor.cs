using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using SnippetCheck.Model;

namespace SnippetCheck.Markdown;

/// <summary>
/// Finds fenced blocks and <c>snippetcheck:</c> comments with Markdig, in document order, and pins each to
/// its line and column in the original file. Knows nothing about C# or tags.
/// </summary>
public static class FenceExtractor
{
    private const string CommentMarker = "snippetcheck:";

    /// <summary>Marks a comment that looks addressed to the tool but misspells <c>snippetcheck:</c>.</summary>
    public const string MalformedMarker = "\u0000malformed:";

    // Front matter must be its own block so its --- lines are never read as a thematic break or a heading.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePreciseSourceLocation()
        .Build();

    public static ExtractedDocument Extract(MarkdownDocument document)
    {
        var text = document.Text;
        var ast = Markdig.Markdown.Parse(text, Pipeline);
        FrontMatter? frontMatter = null;
        var items = new List<MarkdownItem>();
        var pendingComments = new List<DirectiveComment>();
        MarkdownObject? lastBlock = null;

        foreach (var block in ast.Descendants<Block>())
        {
            switch (block)
            {
                case YamlFrontMatterBlock yaml:
                    frontMatter = new FrontMatter(
                        string.Join('\n', yaml.Lines.Lines.Take(yaml.Lines.Count).Select(l => l.Slice.ToString())),
                        Locate(document, yaml.Span.Start));
                    break;
                case HtmlBlock html when TryReadComment(document, html) is { } comment:
                    FlushDetached(items, pendingComments);
                    if (comment.IsPrelude || comment.Words.StartsWith(MalformedMarker, StringComparison.Ordinal)) items.Add(comment);
                    else pendingComments.Add(comment);
                    lastBlock = html;
                    break;
                case FencedCodeBlock fence:
                    var attached = IsDirectlyAfter(pendingComments, lastBlock, fence) ? pendingComments.ToList() : [];
                    if (attached.Count == 0) FlushDetached(items, pendingComments);
                    pendingComments.Clear();
                    items.Add(ReadFence(document, fence, attached));
                    lastBlock = fence;
                    break;
                case LeafBlock leaf:
                    FlushDetached(items, pendingComments);
                    lastBlock = leaf;
                    break;
            }
        }
        items.AddRange(pendingComments);
        return new ExtractedDocument(document, frontMatter, items);
    }

    /// <summary>Comments that are not followed by a fence become items of their own, so nothing is lost.</summary>
    private static void FlushDetached(List<MarkdownItem> items, List<DirectiveComment> pending)
    {
        if (pending.Count == 0) return;
        items.AddRange(pending);
        pending.Clear();
    }

    /// <summary>A comment attaches to a fence when only blank lines stand between them, in the same container.</summary>
    private static bool IsDirectlyAfter(List<DirectiveComment> pending, MarkdownObject? last, FencedCodeBlock fence) =>
        pending.Count > 0 && last is HtmlBlock html && html.Parent == fence.Parent;

    private static FencedBlock ReadFence(MarkdownDocument document, FencedCodeBlock fence, IReadOnlyList<DirectiveComment> comments)
    {
        var text = document.Text;
        var location = Locate(document, fence.Span.Start);
        var lines = new List<CodeLine>(fence.Lines.Count);
        // An empty fence has no line array at all.
        foreach (var line in (fence.Lines.Lines ?? []).Take(fence.Lines.Count))
        {
            var (lineNumber, column) = document.Lines.Locate(line.Slice.Start);
            lines.Add(new CodeLine(line.Slice.ToString(), lineNumber, column));
        }

        var fenceLineStart = document.Lines.LineStart(location.Line);
        var prefix = text[fenceLineStart..fence.Span.Start];
        var bodyStart = NextLineStart(document, location.Line);
        var bodyEnd = lines.Count == 0 ? bodyStart : NextLineStart(document, lines[^1].Line);
        var isClosed = fence.ClosingFencedCharCount > 0;
        var endLine = document.Lines.Locate(Math.Max(fence.Span.Start, Math.Min(fence.Span.End, text.Length - 1))).Line;
        if (text.Length == 0) endLine = location.Line;
        var geometry = new FenceGeometry(bodyStart, bodyEnd, prefix, fence.FencedChar, fence.OpeningFencedCharCount, isClosed);

        return new FencedBlock(location, endLine, fence.Info ?? "", fence.Arguments ?? "", lines, comments, geometry);
    }

    private static int NextLineStart(MarkdownDocument document, int line) =>
        line < document.Lines.LineCount ? document.Lines.LineStart(line + 1) : document.Text.Length;

    private static DirectiveComment? TryReadComment(MarkdownDocument document, HtmlBlock html)
    {
        if (html.Type != HtmlBlockType.Comment) return null;
        var lines = html.Lines.Lines.Take(html.Lines.Count).ToList();
        if (lines.Count == 0) return null;
        var first = lines[0].Slice.ToString();
        var open = first.IndexOf("<!--", StringComparison.Ordinal);
        if (open < 0) return null;
        var afterOpen = first[(open + 4)..].TrimStart();
        if (!afterOpen.StartsWith(CommentMarker, StringComparison.OrdinalIgnoreCase))
        {
            // '<!-- snippetcheck run -->' or '<!-- snipetcheck: run -->' would otherwise be silently ignored.
            var word = new string(afterOpen.TakeWhile(c => char.IsLetter(c)).ToArray());
            if (word.Length >= 8 && Snippets.EditDistance.Between(word.ToLowerInvariant(), "snippetcheck") <= 2)
                return new DirectiveComment(Locate(document, html.Span.Start + open), MalformedMarker + afterOpen.Split("-->")[0].Trim(), []);
            return null;
        }

        var words = afterOpen[CommentMarker.Length..];
        var close = words.IndexOf("-->", StringComparison.Ordinal);
        var body = new List<CodeLine>();
        if (close >= 0)
        {
            words = words[..close];
        }
        else
        {
            foreach (var line in lines.Skip(1))
            {
                var content = line.Slice.ToString();
                var end = content.IndexOf("-->", StringComparison.Ordinal);
                var (lineNumber, column) = document.Lines.Locate(line.Slice.Start);
                if (end >= 0)
                {
                    if (content[..end].Trim().Length > 0) body.Add(new CodeLine(content[..end], lineNumber, column));
                    break;
                }
                body.Add(new CodeLine(content, lineNumber, column));
            }
        }
        return new DirectiveComment(Locate(document, html.Span.Start + open), words.Trim(), body);
    }

    private static SourceLocation Locate(MarkdownDocument document, int offset)
    {
        var (line, column) = document.Lines.Locate(offset);
        return new SourceLocation(document.DisplayPath, line, column);
    }
}
