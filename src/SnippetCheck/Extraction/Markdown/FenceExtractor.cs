using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Parsers;
using Markdig.Syntax;
using SnippetCheck.Model;

namespace SnippetCheck.Extraction.Markdown;

/// <summary>
/// Finds fenced blocks and <c>snippetcheck:</c> comments with Markdig, in document order, and pins each to
/// its line and column in the original file; <see cref="DirectiveCommentReader"/> reads the comments. Knows no tags;
/// it knows C# only to warn, through <see cref="UnverifiedCSharpLint"/>, about C# written in a form it cannot read
/// (an indented block, a <c>{% highlight %}</c> tag).
/// </summary>
internal static class FenceExtractor
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

    public static ExtractedDocument Extract(SourceDocument document)
    {
        var diagnostics = new List<Diagnostic>();
        if (document.EncodingError() is { } encoding) diagnostics.Add(encoding);

        // In an MDX file, Markdig reads the text with imports, JSX tags and {/* */} comments blanked (same offsets).
        var mdx = document.IsMdx ? MdxSyntax.Mask(document.Text) : null;
        // Markdig knows only YAML front matter; Hugo's TOML (+++) is blanked for it, so it is never read as prose.
        var toml = TomlFrontMatter.Find(document);
        var source = new ParseSource(TomlFrontMatter.Blank(mdx?.MaskedText ?? document.Text, toml), mdx is null ? Pipeline : MdxPipeline);

        // Markdig refuses containers nested past its depth limit, but only after reading the whole file, in time
        // that grows with the cube of the nesting; a cheap look at line prefixes finds such a file early.
        if (FirstDeeplyNestedLine(document) is { } deep && TryParse(source, document.Lines.NextLineStart(deep), out var early) is null)
        {
            return Unparsable(document, diagnostics, early!, FindFailingLine(document, source, deep));
        }

        if (TryParse(source, source.Text.Length, out var failure) is not { } ast)
        {
            // Markdig refuses input nested past its depth limit (and a parser bug is possible on hostile input);
            // one such file must not stop the run, so it becomes an error of its own, at the line Markdig gave up on.
            return Unparsable(document, diagnostics, failure!, FindFailingLine(document, source, document.Lines.LineCount));
        }

        return ReadItems(document, ast, mdx, toml?.FrontMatter, diagnostics);
    }

    /// <summary>
    /// The document's items in order from Markdig's blocks (and an MDX file's comments between them): fences with the
    /// comments that tag them, comments, hidden output and page settings; the front matter, if Markdig read one.
    /// </summary>
    private static ExtractedDocument ReadItems(
        SourceDocument document, Markdig.Syntax.MarkdownDocument ast, MdxReading? mdx, FrontMatter? frontMatter, List<Diagnostic> diagnostics)
    {
        FrontMatter? pageSettings = null;
        var items = new List<DocumentItem>();
        var pendingComments = new List<DirectiveComment>();
        object? lastBlock = null;
        var mdxComments = new Queue<MdxComment>(mdx?.Comments ?? []);

        void Take(DocumentItem? read, object block)
        {
            FlushDetached(items, pendingComments);
            // '<!-- snippetcheck: output -->' on one line tags the fence below it, if any; with lines it is hidden output.
            if (read is DirectiveComment { HiddenOutput: { } hidden } output && hidden.EndLine != output.Location.Line) items.Add(hidden);
            else if (read is DirectiveComment page && PageSettingsComment.Marks(page))
                pageSettings = PageSettingsComment.Read(page, pageSettings, diagnostics);
            else if (read is DirectiveComment { IsPrelude: false } comment) pendingComments.Add(comment);
            else if (read is not null) items.Add(read);
            lastBlock = block;
        }

        foreach (var block in ast.Descendants<Block>())
        {
            while (block is LeafBlock && mdxComments.TryPeek(out var next) && next.Start < block.Span.Start)
            {
                var comment = mdxComments.Dequeue();
                Take(DirectiveCommentReader.TryReadMdxComment(document, comment, diagnostics), comment);
            }
            switch (block)
            {
                case YamlFrontMatterBlock yaml:
                    frontMatter = new FrontMatter(
                        string.Join('\n', LinesOf(yaml).Select(l => l.Slice.ToString())),
                        document.Locate(yaml.Span.Start));
                    break;
                case HtmlBlock html when DirectiveCommentReader.TryReadComment(document, html, diagnostics) is { } read:
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
                    if (leaf is ParagraphBlock paragraph) UnverifiedCSharpLint.ReportHighlightBlocks(document, paragraph, diagnostics);
                    FlushDetached(items, pendingComments);
                    lastBlock = leaf;
                    break;
            }
        }
        while (mdxComments.TryDequeue(out var comment))
        {
            Take(DirectiveCommentReader.TryReadMdxComment(document, comment, diagnostics), comment);
        }
        FlushDetached(items, pendingComments);
        return new ExtractedDocument(document, frontMatter, ComponentFences.AddUnread(document, items), diagnostics)
            { PageSettings = pageSettings, Headings = [.. ast.Descendants<HeadingBlock>().Select(h => ReadHeading(document, h))] };
    }

    /// <summary>
    /// With inline parsing off, a heading's text is one literal: the text as written, without its marks. Its line is its
    /// span's first (Markdig's own line of a setext heading is its underline).
    /// </summary>
    private static PageHeading ReadHeading(SourceDocument document, HeadingBlock heading) =>
        new(document.Locate(heading.Span.Start).Line, heading.Level,
            string.Concat(heading.Inline?.Descendants<Markdig.Syntax.Inlines.LiteralInline>().Select(l => l.Content.ToString()) ?? []).Trim());

    /// <summary>The text Markdig reads (the file's, or an MDX file's with its JSX blanked) and the pipeline it reads it with.</summary>
    private readonly record struct ParseSource(string Text, MarkdownPipeline Pipeline);

    private static ExtractedDocument Unparsable(SourceDocument document, List<Diagnostic> diagnostics, Exception failure, (int Line, bool Exact) at)
    {
        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnparsableMarkdown,
            $"the Markdown parser gave up on this file{(at.Exact ? $" at line {at.Line}" : "")}: {failure.Message.TrimEnd('.')}; no block in it " +
            $"was read",
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
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException
                                   or InsufficientExecutionStackException)
        {
            failure = e;
            return null;
        }
    }

    /// <summary>
    /// The first line whose container prefix (indentation, <c>&gt;</c>, list markers) is longer than any sensible
    /// post nests, or null. Only a hint of where to try parsing first; Markdig has the last word.
    /// </summary>
    private static int? FirstDeeplyNestedLine(SourceDocument document)
    {
        var text = document.Text;
        for (var line = 1; line <= document.Lines.LineCount; line++)
        {
            var start = document.Lines.LineStart(line);
            var prefix = 0;
            while (start + prefix < text.Length
                && text[start + prefix] is ' ' or '\t' or '>' or '-' or '*' or '+' or '.' or ')' or (>= '0' and <= '9'))
            {
                if (++prefix > SuspiciousPrefix) return line;
            }
        }
        return null;
    }

    /// <summary>
    /// The first line whose inclusion makes Markdig fail, searching lines 1 to <paramref name="failsBy"/> (which is
    /// known to fail): the shortest failing prefix, found by bisection over whole lines. Falls back to line 1
    /// (not exact) when the search would cost too much.
    /// </summary>
    private static (int Line, bool Exact) FindFailingLine(SourceDocument document, ParseSource source, int failsBy)
    {
        var end = document.Lines.NextLineStart(failsBy);
        if ((long)end * (Math.Log2(Math.Max(2, failsBy)) + 1) > LocateBudgetChars) return (1, false);
        int good = 0, bad = failsBy;
        while (bad - good > 1)
        {
            var middle = good + (bad - good) / 2;
            if (TryParse(source, document.Lines.NextLineStart(middle), out _) is not null) good = middle;
            else bad = middle;
        }
        return (bad, true);
    }

    /// <summary>
    /// Comments that are not followed by a fence become items of their own, so nothing is lost; a one-line
    /// <c>snippetcheck: output</c> comment among them is an empty hidden output block.
    /// </summary>
    private static void FlushDetached(List<DocumentItem> items, List<DirectiveComment> pending)
    {
        if (pending.Count == 0) return;
        items.AddRange(pending.Select(c => (DocumentItem?)c.HiddenOutput ?? c));
        pending.Clear();
    }

    /// <summary>A comment attaches to a fence when only blank lines stand between them, in the same container.</summary>
    private static bool IsDirectlyAfter(SourceDocument document, List<DirectiveComment> pending, object? last, FencedCodeBlock fence) =>
        pending.Count > 0 && last switch
        {
            HtmlBlock html => html.Parent == fence.Parent,
            // Markdig never saw an MDX comment, so the file itself says whether only blank lines follow it.
            MdxComment mdx => document.Text.AsSpan(mdx.End, Math.Max(0, fence.Span.Start - mdx.End)).IndexOfAnyExcept(" \t\r\n>") < 0,
            _ => false,
        };

    private static FencedBlock ReadFence(SourceDocument document, FencedCodeBlock fence, IReadOnlyList<DirectiveComment> comments)
    {
        var text = document.Text;
        var location = document.Locate(fence.Span.Start);
        var lines = new List<CodeLine>(fence.Lines.Count);
        foreach (var line in LinesOf(fence))
        {
            var (lineNumber, column) = LocateLine(document, line);
            lines.Add(new CodeLine(line.Slice.ToString(), lineNumber, column));
        }

        var fenceLineStart = document.Lines.LineStart(location.Line);
        var prefix = text[fenceLineStart..fence.Span.Start];
        var bodyStart = document.Lines.NextLineStart(location.Line);
        var bodyEnd = lines.Count == 0 ? bodyStart : document.Lines.NextLineStart(lines[^1].Line);
        var isClosed = fence.ClosingFencedCharCount > 0;
        var endLine = document.Lines.Locate(Math.Max(fence.Span.Start, Math.Min(fence.Span.End, text.Length - 1))).Line;
        if (text.Length == 0) endLine = location.Line;
        var geometry = new FenceGeometry(bodyStart, bodyEnd, prefix, fence.FencedChar, fence.OpeningFencedCharCount, isClosed);

        return new FencedBlock(location, endLine, fence.Info ?? "", fence.Arguments ?? "", lines, comments, geometry);
    }

    /// <summary>A leaf block's lines; Markdig leaves the array null for some empty blocks (an unclosed, empty fence).</summary>
    internal static IEnumerable<Markdig.Helpers.StringLine> LinesOf(LeafBlock block) =>
        block.Lines.Lines?.Take(block.Lines.Count) ?? [];

    /// <summary>
    /// The 1-based line and column of a block's line. Markdig's slices point into the document, except where a
    /// container split a tab: then the slice is a fresh string with the tab's remainder as spaces, and only its
    /// line number and its non-blank tail still match the file.
    /// </summary>
    internal static (int Line, int Column) LocateLine(SourceDocument document, Markdig.Helpers.StringLine line)
    {
        var slice = line.Slice;
        // Markdig's own copy of the text (made when it replaces NUL characters) keeps every offset.
        if (slice.Text is { } source && source.Length == document.Text.Length) return document.Lines.Locate(slice.Start);

        var number = Math.Clamp(line.Line + 1, 1, document.Lines.LineCount);
        var lineText = document.Lines.Text(number);
        var content = slice.ToString();
        var tail = content.TrimStart();
        var tailStart = lineText.EndsWith(tail, StringComparison.Ordinal) ? lineText.Length - tail.Length : 0;
        return (number, Math.Max(1, tailStart - (content.Length - tail.Length) + 1));
    }

}