using Markdig.Syntax;
using SnippetCheck.Model;

namespace SnippetCheck.Extraction.Markdown;

/// <summary>
/// Reads the comments addressed to the tool, <c>&lt;!-- snippetcheck: ... --&gt;</c> and MDX's
/// <c>{/* snippetcheck: ... */}</c>, into directives, hidden output blocks and misspelt-marker items; kept apart
/// from <see cref="FenceExtractor"/> so the Markdig walk and the comment grammar can each be read on their own.
/// </summary>
internal static class DirectiveCommentReader
{
    /// <summary>How a comment opens and closes: HTML (<c>&lt;!-- --&gt;</c>) or MDX (<c>{/* */}</c>).</summary>
    private sealed record CommentSyntax(string Open, string Close, string ClosedBy, bool IsMdx)
    {
        public static readonly CommentSyntax Html = new("<!--", "-->", "-->", false);
        public static readonly CommentSyntax Mdx = new("{/*", "*/", "*/}", true);
    }

    internal static DocumentItem? TryReadComment(SourceDocument document, HtmlBlock html, List<Diagnostic> diagnostics)
    {
        if (html.Type != HtmlBlockType.Comment) return null;
        var lines = FenceExtractor.LinesOf(html).ToList();
        if (lines.Count == 0) return null;
        var first = lines[0].Slice.ToString();
        var open = first.IndexOf("<!--", StringComparison.Ordinal);
        if (open < 0) return null;
        var rest = lines.Skip(1).Select(line =>
        {
            var (lineNumber, column) = FenceExtractor.LocateLine(document, line);
            return new CodeLine(line.Slice.ToString(), lineNumber, column);
        }).ToList();
        return ReadDirective(document, CommentSyntax.Html, html.Span.Start + open, first[(open + 4)..], rest, diagnostics);
    }

    /// <summary>An MDX comment's lines, read from the file: Markdig never saw them.</summary>
    internal static DocumentItem? TryReadMdxComment(SourceDocument document, MdxComment comment, List<Diagnostic> diagnostics)
    {
        var text = document.Text;
        var (openLine, _) = document.Lines.Locate(comment.Start);
        var prefix = text[document.Lines.LineStart(openLine)..comment.Start];
        var lastLine = document.Lines.Locate(Math.Max(comment.Start, comment.End - 1)).Line;
        var firstLine = text[(comment.Start + 3)..document.Lines.ContentEnd(openLine)];
        var rest = new List<CodeLine>();
        for (var line = openLine + 1; line <= lastLine; line++)
        {
            var start = document.Lines.LineStart(line);
            var content = text[start..document.Lines.ContentEnd(line)];
            // Lines after the first lose the container prefix (indentation, '> ') the comment opened with.
            var strip = 0;
            while (strip < prefix.Length && strip < content.Length && content[strip] == prefix[strip]) strip++;
            rest.Add(new CodeLine(content[strip..], line, strip + 1));
        }
        return ReadDirective(document, CommentSyntax.Mdx, comment.Start, firstLine, rest, diagnostics);
    }

    /// <summary>
    /// Reads a comment that opens at <paramref name="open"/>: a directive (tags, a prelude, hidden output), a misspelt
    /// marker, or null for a comment that is not addressed to the tool.
    /// </summary>
    /// <param name="firstLine">The rest of the opening line, after the opening marker.</param>
    /// <param name="rest">The comment's further lines, without container prefixes.</param>
    private static DocumentItem? ReadDirective(
        SourceDocument document, CommentSyntax syntax, int open, string firstLine, IReadOnlyList<CodeLine> rest, List<Diagnostic> diagnostics)
    {
        var location = document.Locate(open);
        var afterOpen = firstLine.TrimStart();
        if (!afterOpen.StartsWith(DocumentWords.CommentMarker, StringComparison.OrdinalIgnoreCase))
        {
            // '<!-- snippetcheck run -->' or '<!-- snipetcheck: run -->' would otherwise be silently ignored.
            if (DocumentWords.MisspellsMarker(afterOpen))
                return new MisspeltComment(location, afterOpen.Split(syntax.Close)[0].Trim()) { IsMdx = syntax.IsMdx };
            return syntax.IsMdx ? null : FencesIn(location, rest, syntax.Close);
        }

        var words = afterOpen[DocumentWords.CommentMarker.Length..];
        var close = words.IndexOf(syntax.Close, StringComparison.Ordinal);
        var body = new List<CodeLine>();
        int? closingLine = null;
        var closeStandsAlone = false;
        if (close >= 0)
        {
            words = words[..close];
            closingLine = location.Line;
        }
        else
        {
            foreach (var line in rest)
            {
                var content = line.Text;
                var end = content.IndexOf(syntax.Close, StringComparison.Ordinal);
                if (end >= 0)
                {
                    if (content[..end].Trim().Length > 0) body.Add(new CodeLine(content[..end], line.Line, line.Column));
                    else closeStandsAlone = true;
                    closingLine = line.Line;
                    break;
                }
                body.Add(line);
            }
            if (closingLine is null)
            {
                // An unclosed comment swallows the rest of the file (or its list item or quote) without a word.
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BadComment,
                    $"this snippetcheck comment is never closed with '{syntax.ClosedBy}', so it runs to the end of its " +
                    $"{(syntax.IsMdx ? "file" : "container")}; close it",
                    location));
            }
        }
        var directive = new DirectiveComment(location, words.Trim(), body) { IsMdx = syntax.IsMdx };
        if (!directive.FirstWord.Equals("output", StringComparison.OrdinalIgnoreCase)) return directive;
        return directive with { HiddenOutput = HiddenOutput(document, syntax, open, directive, closingLine, closeStandsAlone) };
    }

    /// <summary>The fenced blocks of an HTML comment not addressed to the tool, up to its close; null when it holds none.</summary>
    private static HiddenFences? FencesIn(SourceLocation location, IReadOnlyList<CodeLine> rest, string close)
    {
        var fences = new List<HiddenFence>();
        for (var i = 0; i < rest.Count; i++)
        {
            var text = rest[i].Text.TrimStart();
            if (text.StartsWith(close, StringComparison.Ordinal)) break;
            var marker = text.StartsWith("```", StringComparison.Ordinal) ? '`' : text.StartsWith("~~~", StringComparison.Ordinal) ? '~' : '\0';
            if (marker == '\0') continue;
            var length = text.TakeWhile(c => c == marker).Count();
            var info = text[length..].Trim().Split(' ', '\t').FirstOrDefault() ?? "";
            var body = new List<CodeLine>();
            var j = i + 1;
            for (; j < rest.Count; j++)
            {
                var line = rest[j].Text.TrimStart();
                if (line.StartsWith(close, StringComparison.Ordinal)
                    || (line.TrimEnd().Length >= length && line.TrimEnd().All(c => c == marker))) break;
                body.Add(rest[j]);
            }
            fences.Add(new HiddenFence(info, new SourceLocation(location.File, rest[i].Line, rest[i].Column), body));
            i = j;
        }
        return fences.Count == 0 ? null : new HiddenFences(location, fences);
    }

    /// <summary>
    /// A <c>snippetcheck: output</c> comment as the output block it stands for, with the geometry <c>--accept</c>
    /// needs: the body is the lines between the opening line and a closing line of its own; a one-line comment
    /// has an empty body just before its closing marker.
    /// </summary>
    private static FencedBlock HiddenOutput(
        SourceDocument document, CommentSyntax syntax, int open, DirectiveComment comment, int? closingLine, bool closeStandsAlone)
    {
        var text = document.Text;
        var openLine = comment.Location.Line;
        var prefix = text[document.Lines.LineStart(openLine)..open];
        FenceGeometry geometry;
        if (closingLine == openLine)
        {
            var closeAt = text.IndexOf(syntax.Close, open + syntax.Open.Length, StringComparison.Ordinal);
            var bodyAt = closeAt;
            while (bodyAt > open && text[bodyAt - 1] is ' ' or '\t') bodyAt--;
            geometry = new FenceGeometry(bodyAt, closeAt, prefix, '\0', 0, IsClosed: true) { Hidden = syntax.ClosedBy, OpensInline = true };
        }
        else
        {
            var bodyStart = document.Lines.NextLineStart(openLine);
            var bodyEnd = closingLine is { } last ? document.Lines.LineStart(last) : text.Length;
            geometry = new FenceGeometry(bodyStart, bodyEnd, prefix, '\0', 0, IsClosed: closeStandsAlone) { Hidden = syntax.ClosedBy };
        }
        return new FencedBlock(comment.Location, closingLine ?? document.Lines.LineCount, "", comment.Words, comment.Body, [], geometry);
    }
}
