using SnippetCheck.Snippets;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Parsers;
using Markdig.Syntax;
using SnippetCheck.Model;

namespace SnippetCheck.Markdown;

/// <summary>
/// Finds fenced blocks and <c>snippetcheck:</c> comments with Markdig, in document order, and pins each to
/// its line and column in the original file. Knows no tags; it knows C# only to warn about C# written in a form it
/// cannot read (an indented block, a <c>{% highlight %}</c> tag).
/// </summary>
internal static partial class FenceExtractor
{
    // Markdig's depth limit is 128 blocks; a list level is two (list and item) and takes at least two columns.
    private const int SuspiciousPrefix = 256;

    // Past this many characters, finding the line Markdig gave up on costs more than it is worth.
    private const int LocateBudgetChars = 32 * 1024 * 1024;

    private static readonly MarkdownPipeline Pipeline = BuildPipeline(mdx: false);

    // MDX has no indented code: indentation inside a JSX component is layout, and a fence there is still a fence.
    private static readonly MarkdownPipeline MdxPipeline = BuildPipeline(mdx: true);

    private static MarkdownPipeline BuildPipeline(bool mdx)
    {
        // Front matter must be its own block so its --- lines are never read as a thematic break or a heading.
        var builder = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePreciseSourceLocation();
        // Only block structure matters here (fences, HTML comments, containers); inline parsing would cost most
        // of the time on a large post and only adds ways to fail.
        builder.InlineParsers.Clear();
        if (mdx) builder.BlockParsers.TryRemove<IndentedCodeBlockParser>();
        return builder.Build();
    }

    public static ExtractedDocument Extract(MarkdownDocument document)
    {
        var diagnostics = new List<Diagnostic>();
        if (document.InvalidUtf8Offset is { } badByte)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NotUtf8, DescribeBadEncoding(document), Locate(document, badByte)));
        }

        // In an MDX file, Markdig reads the text with imports, JSX tags and {/* */} comments blanked (same offsets).
        var mdx = MdxSyntax.IsMdx(document.FullPath) ? MdxSyntax.Mask(document.Text) : null;
        // Markdig knows only YAML front matter; Hugo's TOML (+++) is blanked for it, so it is never read as prose.
        var toml = TomlFrontMatter.Find(document);
        var source = new ParseSource(TomlFrontMatter.Blank(mdx?.MaskedText ?? document.Text, toml), mdx is null ? Pipeline : MdxPipeline);

        // Markdig refuses containers nested past its depth limit, but only after reading the whole file, in time
        // that grows with the cube of the nesting; a cheap look at line prefixes finds such a file early.
        if (FirstDeeplyNestedLine(document) is { } deep && TryParse(source, LineEnd(document, deep), out var early) is null)
        {
            return Unparsable(document, diagnostics, early!, FindFailingLine(document, source, deep));
        }

        if (TryParse(source, source.Text.Length, out var failure) is not { } ast)
        {
            // Markdig refuses input nested past its depth limit (and a parser bug is possible on hostile input);
            // one such file must not stop the run, so it becomes an error of its own, at the line Markdig gave up on.
            return Unparsable(document, diagnostics, failure!, FindFailingLine(document, source, document.Lines.LineCount));
        }

        FrontMatter? frontMatter = toml?.FrontMatter;
        var items = new List<MarkdownItem>();
        var pendingComments = new List<DirectiveComment>();
        object? lastBlock = null;
        var mdxComments = new Queue<MdxComment>(mdx?.Comments ?? []);

        void Take(MarkdownItem? read, object block)
        {
            FlushDetached(items, pendingComments);
            // '<!-- snippetcheck: output -->' on one line tags the fence below it, if any; with lines it is hidden output.
            if (read is DirectiveComment { HiddenOutput: { } hidden } output && hidden.EndLine != output.Location.Line) items.Add(hidden);
            else if (read is DirectiveComment { IsPrelude: false } comment) pendingComments.Add(comment);
            else if (read is not null) items.Add(read);
            lastBlock = block;
        }

        foreach (var block in ast.Descendants<Block>())
        {
            while (block is LeafBlock && mdxComments.TryPeek(out var next) && next.Start < block.Span.Start)
            {
                var comment = mdxComments.Dequeue();
                Take(TryReadMdxComment(document, comment, diagnostics), comment);
            }
            switch (block)
            {
                case YamlFrontMatterBlock yaml:
                    frontMatter = new FrontMatter(
                        string.Join('\n', LinesOf(yaml).Select(l => l.Slice.ToString())),
                        Locate(document, yaml.Span.Start));
                    break;
                case HtmlBlock html when TryReadComment(document, html, diagnostics) is { } read:
                    Take(read, html);
                    break;
                case FencedCodeBlock fence:
                    var attached = IsDirectlyAfter(document, pendingComments, lastBlock, fence) ? pendingComments.ToList() : [];
                    if (attached.Count == 0) FlushDetached(items, pendingComments);
                    pendingComments.Clear();
                    items.Add(ReadFence(document, fence, attached));
                    lastBlock = fence;
                    break;
                case LeafBlock leaf:
                    if (leaf is ParagraphBlock paragraph) ReportHighlightBlocks(document, paragraph, diagnostics);
                    FlushDetached(items, pendingComments);
                    lastBlock = leaf;
                    break;
            }
        }
        while (mdxComments.TryDequeue(out var comment))
        {
            Take(TryReadMdxComment(document, comment, diagnostics), comment);
        }
        FlushDetached(items, pendingComments);
        if (mdx is not null) ReportUnreadFences(document, mdx, items, diagnostics);
        return new ExtractedDocument(document, frontMatter, items, diagnostics);
    }

    /// <summary>The text Markdig reads (the file's, or an MDX file's with its JSX blanked) and the pipeline it reads it with.</summary>
    private readonly record struct ParseSource(string Text, MarkdownPipeline Pipeline);

    private static string DescribeBadEncoding(MarkdownDocument document) =>
        document.LooksLikeUtf16
            ? "the file looks like UTF-16; SnippetCheck reads Markdown as UTF-8, so save it as UTF-8"
            : "the file is not valid UTF-8 from here on (a binary file, or another encoding); bad bytes were read as U+FFFD";

    private static ExtractedDocument Unparsable(MarkdownDocument document, List<Diagnostic> diagnostics, Exception failure, (int Line, bool Exact) at)
    {
        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnparsableMarkdown,
            $"the Markdown parser gave up on this file{(at.Exact ? $" at line {at.Line}" : "")}: {failure.Message.TrimEnd('.')}; no block in it was read",
            new SourceLocation(document.DisplayPath, at.Line, 1)));
        return new ExtractedDocument(document, null, [], diagnostics);
    }

    /// <summary>Markdig's AST of the first <paramref name="length"/> characters, or null with the exception when it gives up.</summary>
    private static Markdig.Syntax.MarkdownDocument? TryParse(ParseSource source, int length, out Exception? failure)
    {
        try
        {
            failure = null;
            return Markdig.Markdown.Parse(length == source.Text.Length ? source.Text : source.Text[..length], source.Pipeline);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or InsufficientExecutionStackException)
        {
            failure = e;
            return null;
        }
    }

    /// <summary>
    /// The first line whose container prefix (indentation, <c>&gt;</c>, list markers) is longer than any sensible
    /// post nests, or null. Only a hint of where to try parsing first; Markdig has the last word.
    /// </summary>
    private static int? FirstDeeplyNestedLine(MarkdownDocument document)
    {
        var text = document.Text;
        for (var line = 1; line <= document.Lines.LineCount; line++)
        {
            var start = document.Lines.LineStart(line);
            var prefix = 0;
            while (start + prefix < text.Length && text[start + prefix] is ' ' or '\t' or '>' or '-' or '*' or '+' or '.' or ')' or (>= '0' and <= '9'))
            {
                if (++prefix > SuspiciousPrefix) return line;
            }
        }
        return null;
    }

    private static int LineEnd(MarkdownDocument document, int line) =>
        line < document.Lines.LineCount ? document.Lines.LineStart(line + 1) : document.Text.Length;

    /// <summary>
    /// The first line whose inclusion makes Markdig fail, searching lines 1 to <paramref name="failsBy"/> (which is
    /// known to fail): the shortest failing prefix, found by bisection over whole lines. Falls back to line 1
    /// (not exact) when the search would cost too much.
    /// </summary>
    private static (int Line, bool Exact) FindFailingLine(MarkdownDocument document, ParseSource source, int failsBy)
    {
        var end = LineEnd(document, failsBy);
        if ((long)end * (Math.Log2(Math.Max(2, failsBy)) + 1) > LocateBudgetChars) return (1, false);
        int good = 0, bad = failsBy;
        while (bad - good > 1)
        {
            var middle = good + (bad - good) / 2;
            if (TryParse(source, LineEnd(document, middle), out _) is not null) good = middle;
            else bad = middle;
        }
        return (bad, true);
    }

    /// <summary>
    /// Comments that are not followed by a fence become items of their own, so nothing is lost; a one-line
    /// <c>snippetcheck: output</c> comment among them is an empty hidden output block.
    /// </summary>
    private static void FlushDetached(List<MarkdownItem> items, List<DirectiveComment> pending)
    {
        if (pending.Count == 0) return;
        items.AddRange(pending.Select(c => (MarkdownItem?)c.HiddenOutput ?? c));
        pending.Clear();
    }

    /// <summary>A comment attaches to a fence when only blank lines stand between them, in the same container.</summary>
    private static bool IsDirectlyAfter(MarkdownDocument document, List<DirectiveComment> pending, object? last, FencedCodeBlock fence) =>
        pending.Count > 0 && last switch
        {
            HtmlBlock html => html.Parent == fence.Parent,
            // Markdig never saw an MDX comment, so the file itself says whether only blank lines follow it.
            MdxComment mdx => document.Text.AsSpan(mdx.End, Math.Max(0, fence.Span.Start - mdx.End)).IndexOfAnyExcept(" \t\r\n>") < 0,
            _ => false,
        };

    private static FencedBlock ReadFence(MarkdownDocument document, FencedCodeBlock fence, IReadOnlyList<DirectiveComment> comments)
    {
        var text = document.Text;
        var location = Locate(document, fence.Span.Start);
        var lines = new List<CodeLine>(fence.Lines.Count);
        foreach (var line in LinesOf(fence))
        {
            var (lineNumber, column) = LocateLine(document, line);
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

    /// <summary>A leaf block's lines; Markdig leaves the array null for some empty blocks (an unclosed, empty fence).</summary>
    private static IEnumerable<Markdig.Helpers.StringLine> LinesOf(LeafBlock block) =>
        block.Lines.Lines?.Take(block.Lines.Count) ?? [];

    /// <summary>
    /// The 1-based line and column of a block's line. Markdig's slices point into the document, except where a
    /// container split a tab: then the slice is a fresh string with the tab's remainder as spaces, and only its
    /// line number and its non-blank tail still match the file.
    /// </summary>
    private static (int Line, int Column) LocateLine(MarkdownDocument document, Markdig.Helpers.StringLine line)
    {
        var slice = line.Slice;
        // Markdig's own copy of the text (made when it replaces NUL characters) keeps every offset.
        if (slice.Text is { } source && source.Length == document.Text.Length) return document.Lines.Locate(slice.Start);

        var number = Math.Clamp(line.Line + 1, 1, document.Lines.LineCount);
        var lineText = document.Text[document.Lines.LineStart(number)..NextLineStart(document, number)].TrimEnd('\r', '\n');
        var content = slice.ToString();
        var tail = content.TrimStart();
        var tailStart = lineText.EndsWith(tail, StringComparison.Ordinal) ? lineText.Length - tail.Length : 0;
        return (number, Math.Max(1, tailStart - (content.Length - tail.Length) + 1));
    }

    private static int NextLineStart(MarkdownDocument document, int line) =>
        line < document.Lines.LineCount ? document.Lines.LineStart(line + 1) : document.Text.Length;

    /// <summary>How a comment opens and closes: HTML (<c>&lt;!-- --&gt;</c>) or MDX (<c>{/* */}</c>).</summary>
    private sealed record CommentSyntax(string Open, string Close, string ClosedBy, bool IsMdx)
    {
        public static readonly CommentSyntax Html = new("<!--", "-->", "-->", false);
        public static readonly CommentSyntax Mdx = new("{/*", "*/", "*/}", true);
    }

    private static MarkdownItem? TryReadComment(MarkdownDocument document, HtmlBlock html, List<Diagnostic> diagnostics)
    {
        if (html.Type != HtmlBlockType.Comment) return null;
        var lines = LinesOf(html).ToList();
        if (lines.Count == 0) return null;
        var first = lines[0].Slice.ToString();
        var open = first.IndexOf("<!--", StringComparison.Ordinal);
        if (open < 0) return null;
        var rest = lines.Skip(1).Select(line =>
        {
            var (lineNumber, column) = LocateLine(document, line);
            return new CodeLine(line.Slice.ToString(), lineNumber, column);
        }).ToList();
        return ReadDirective(document, CommentSyntax.Html, html.Span.Start + open, first[(open + 4)..], rest, diagnostics);
    }

    /// <summary>An MDX comment's lines, read from the file: Markdig never saw them.</summary>
    private static MarkdownItem? TryReadMdxComment(MarkdownDocument document, MdxComment comment, List<Diagnostic> diagnostics)
    {
        var text = document.Text;
        var (openLine, _) = document.Lines.Locate(comment.Start);
        var prefix = text[document.Lines.LineStart(openLine)..comment.Start];
        var lastLine = document.Lines.Locate(Math.Max(comment.Start, comment.End - 1)).Line;
        var firstLine = text[(comment.Start + 3)..LineContentEnd(document, openLine)];
        var rest = new List<CodeLine>();
        for (var line = openLine + 1; line <= lastLine; line++)
        {
            var start = document.Lines.LineStart(line);
            var content = text[start..LineContentEnd(document, line)];
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
    private static MarkdownItem? ReadDirective(MarkdownDocument document, CommentSyntax syntax, int open, string firstLine, IReadOnlyList<CodeLine> rest, List<Diagnostic> diagnostics)
    {
        var location = Locate(document, open);
        var afterOpen = firstLine.TrimStart();
        if (!afterOpen.StartsWith(DocumentWords.CommentMarker, StringComparison.OrdinalIgnoreCase))
        {
            // '<!-- snippetcheck run -->' or '<!-- snipetcheck: run -->' would otherwise be silently ignored.
            var word = new string(afterOpen.TakeWhile(c => char.IsLetter(c)).ToArray());
            if (DocumentWords.MisspellsMarker(word))
                return new MisspeltComment(location, afterOpen.Split(syntax.Close)[0].Trim()) { IsMdx = syntax.IsMdx };
            return null;
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
                    $"this snippetcheck comment is never closed with '{syntax.ClosedBy}', so it runs to the end of its {(syntax.IsMdx ? "file" : "container")}; close it",
                    location));
            }
        }
        var directive = new DirectiveComment(location, words.Trim(), body) { IsMdx = syntax.IsMdx };
        if (!directive.FirstWord.Equals("output", StringComparison.OrdinalIgnoreCase)) return directive;
        return directive with { HiddenOutput = HiddenOutput(document, syntax, open, directive, closingLine, closeStandsAlone) };
    }

    /// <summary>
    /// A <c>snippetcheck: output</c> comment as the output block it stands for, with the geometry <c>--accept</c>
    /// needs: the body is the lines between the opening line and a closing line of its own; a one-line comment
    /// has an empty body just before its closing marker.
    /// </summary>
    private static FencedBlock HiddenOutput(MarkdownDocument document, CommentSyntax syntax, int open, DirectiveComment comment, int? closingLine, bool closeStandsAlone)
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
            var bodyStart = NextLineStart(document, openLine);
            var bodyEnd = closingLine is { } last ? document.Lines.LineStart(last) : text.Length;
            geometry = new FenceGeometry(bodyStart, bodyEnd, prefix, '\0', 0, IsClosed: closeStandsAlone) { Hidden = syntax.ClosedBy };
        }
        return new FencedBlock(comment.Location, closingLine ?? document.Lines.LineCount, "", comment.Words, comment.Body, [], geometry);
    }

    private static int LineContentEnd(MarkdownDocument document, int line)
    {
        var end = NextLineStart(document, line);
        while (end > document.Lines.LineStart(line) && document.Text[end - 1] is '\r' or '\n') end--;
        return end;
    }

    /// <summary>
    /// A C# block in a Jekyll or Hugo highlight tag is prose to Markdig. It is not verified, and says so (SC1018),
    /// rather than being read: Liquid expands <c>{{ }}</c> inside it and tags cannot be written in the tag, so the
    /// code readers see is not always the code in the file.
    /// </summary>
    private static void ReportHighlightBlocks(MarkdownDocument document, ParagraphBlock paragraph, List<Diagnostic> diagnostics)
    {
        // Markdig has released a paragraph's lines by now; its span still says which lines of the file it covers.
        var first = document.Lines.Locate(paragraph.Span.Start).Line;
        var last = document.Lines.Locate(Math.Max(paragraph.Span.Start, Math.Min(paragraph.Span.End, document.Text.Length - 1))).Line;
        for (var lineNumber = first; lineNumber <= last; lineNumber++)
        {
            var text = document.Text[document.Lines.LineStart(lineNumber)..LineContentEnd(document, lineNumber)];
            if (HighlightTag().Match(text) is not { Success: true } match) continue;
            var language = match.Groups["liquid"].Success ? match.Groups["liquid"].Value : match.Groups["hugo"].Value;
            if (!DocumentWords.IsCSharpLanguage(language)) continue;
            var written = match.Groups["liquid"].Success ? $"{{% highlight {language} %}}" : $"{{{{< highlight {language} >}}}}";
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.HighlightBlock,
                $"this {written} block is not verified: SnippetCheck reads fenced blocks only; write it as a ```{language} fence to verify it",
                new SourceLocation(document.DisplayPath, lineNumber, match.Groups["tag"].Index + 1)));
        }
    }

    /// <summary>
    /// MDX has no indented code, so a C# fence indented four spaces or more inside a component is a fence to MDX,
    /// but Markdig will not open a fence there. Rather than pass over it in silence, it is reported (SC1018).
    /// </summary>
    private static void ReportUnreadFences(MarkdownDocument document, MdxReading mdx, List<MarkdownItem> items, List<Diagnostic> diagnostics)
    {
        var found = items.OfType<FencedBlock>().Select(f => f.Location.Line).ToHashSet();
        foreach (var (offset, info) in mdx.FenceOpenings)
        {
            var language = info.Split(' ', '\t').FirstOrDefault() ?? "";
            var at = Locate(document, offset);
            if (!DocumentWords.IsCSharpLanguage(language) || found.Contains(at.Line)) continue;
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.HighlightBlock,
                "this C# fence is not verified: it is indented four spaces or more, which SnippetCheck's Markdown reader takes for indented code; indent it at most three spaces",
                at));
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("""^[\s>]*(?<tag>\{%-?\s*highlight\s+(?<liquid>[^\s%]+)[^%]*-?%\}|\{\{[<%]\s*highlight\s+"?(?<hugo>[^\s">%]+)"?[^}]*[>%]\}\})""")]
    private static partial System.Text.RegularExpressions.Regex HighlightTag();

    private static SourceLocation Locate(MarkdownDocument document, int offset)
    {
        var (line, column) = document.Lines.Locate(offset);
        return new SourceLocation(document.DisplayPath, line, column);
    }
}
