using SnippetCheck.Model;

namespace SnippetCheck.Extraction.Markdown;

/// <summary>One line of code as it stands in the Markdown file, with where its text starts.</summary>
/// <param name="Text">The line without its container prefix (list indent, <c>&gt; </c>) and without its line ending.</param>
/// <param name="Line">1-based line in the original file.</param>
/// <param name="Column">1-based column where <paramref name="Text"/> starts.</param>
public readonly record struct CodeLine(string Text, int Line, int Column)
{
    /// <summary>
    /// The file column of each character of <see cref="Text"/>, where they do not simply follow <see cref="Column"/>:
    /// a line of a doc comment's <c>&lt;code&gt;</c> whose <c>&amp;lt;</c> was read as one <c>&lt;</c>. Null otherwise.
    /// </summary>
    public int[]? SourceColumns { get; init; }

    /// <summary>A line of the tool's own (the class around a <c>members</c> block): hidden, never in the document.</summary>
    public bool Generated { get; init; }

    /// <summary>The file column of the character at <paramref name="index"/> in <see cref="Text"/>.</summary>
    public int ColumnAt(int index) =>
        SourceColumns is not { Length: > 0 } columns ? Column + index
        : index < columns.Length ? columns[Math.Max(0, index)]
        : columns[^1] + index - columns.Length + 1;
}

/// <summary>Something the extractor found, in document order.</summary>
internal interface MarkdownItem
{
    /// <summary>Where it starts in the original file.</summary>
    SourceLocation Location { get; }
}

/// <summary>A fenced code block of any language; made only by the extractors.</summary>
internal sealed record FencedBlock : MarkdownItem
{
    /// <param name="location">Where its opening fence stands.</param>
    /// <param name="endLine">The line its closing fence stands on (its last line when it is not closed).</param>
    /// <param name="info">The info string's first word, the language (<c>csharp</c>, <c>output</c>).</param>
    /// <param name="arguments">The rest of the info string: where tags such as <c>run name=sum</c> are written.</param>
    /// <param name="lines">The body's lines, each with its place in the file.</param>
    /// <param name="comments">The <c>snippetcheck:</c> comments that stand directly before it.</param>
    /// <param name="geometry">Where its body lies in the file, for rewriting it in place.</param>
    internal FencedBlock(SourceLocation location, int endLine, string info, string arguments, IReadOnlyList<CodeLine> lines,
        IReadOnlyList<DirectiveComment> comments, FenceGeometry geometry)
    {
        Location = location;
        EndLine = endLine;
        Info = info;
        Arguments = arguments;
        Lines = lines;
        Comments = comments;
        Geometry = geometry;
    }

    /// <summary>Where its opening fence stands.</summary>
    public SourceLocation Location { get; init; }

    /// <summary>The line its closing fence stands on (its last line when it is not closed).</summary>
    public int EndLine { get; init; }

    /// <summary>The info string's first word, the language (<c>csharp</c>, <c>output</c>).</summary>
    public string Info { get; init; }

    /// <summary>The rest of the info string: where tags such as <c>run name=sum</c> are written.</summary>
    public string Arguments { get; init; }

    /// <summary>The body's lines, each with its place in the file.</summary>
    public IReadOnlyList<CodeLine> Lines { get; init; }

    /// <summary>The <c>snippetcheck:</c> comments that stand directly before it.</summary>
    internal IReadOnlyList<DirectiveComment> Comments { get; init; }

    /// <summary>Where its body lies in the file, for rewriting it in place.</summary>
    internal FenceGeometry Geometry { get; init; }

    /// <summary>A doc comment's <c>&lt;code&gt;</c> element rather than a fence: no tag can be written above it.</summary>
    public bool IsXmlEscaped => Geometry.XmlEscaped;

    /// <summary>Hidden output, in a <c>&lt;!-- snippetcheck: output</c> comment rather than a fence readers see.</summary>
    public bool IsHidden => Geometry.Hidden is not null;

    /// <summary>What stands before the fence on its line (list indent, <c>&gt; </c>), repeated on each body line.</summary>
    public string LinePrefix => Geometry.LinePrefix;

    /// <summary>What the extractor found wrong with the block itself (XML inside a doc comment's <c>&lt;code&gt;</c>).</summary>
    public IReadOnlyList<Diagnostic> Problems { get; init; } = [];

    /// <summary>The body with lines joined by <c>\n</c>.</summary>
    public string Content => string.Join('\n', Lines.Select(l => l.Text));
}

/// <summary>Where a fence's body lies in the file, so <c>--accept</c> can replace exactly that and nothing else.</summary>
/// <param name="BodyStart">Offset of the first character of the first body line (including its container prefix).</param>
/// <param name="BodyEnd">Offset just past the last body line's line ending; equals BodyStart when the body is empty.</param>
/// <param name="LinePrefix">What stands before the fence on its line (list indent, <c>&gt; </c>), repeated on each body line.</param>
/// <param name="FenceChar">The fence character, <c>`</c> or <c>~</c>.</param>
/// <param name="FenceLength">The opening fence's length.</param>
/// <param name="IsClosed">False when the fence runs to the end of its container.</param>
internal sealed record FenceGeometry(int BodyStart, int BodyEnd, string LinePrefix, char FenceChar, int FenceLength, bool IsClosed)
{
    /// <summary>
    /// A doc comment's <c>&lt;code&gt;</c> element, not a fence: its text is XML-escaped, and it has no fence to lengthen.
    /// <see cref="IsClosed"/> false means its tags do not stand on lines of their own, so it cannot be rewritten.
    /// </summary>
    public bool XmlEscaped { get; init; }

    /// <summary>
    /// For hidden output (<c>&lt;!-- snippetcheck: output</c> … <c>--&gt;</c>), the marker that closes its comment
    /// (<c>--&gt;</c> or <c>*/}</c>); null for a fence. Its body lies between the opening line and a closing line of
    /// its own; <see cref="IsClosed"/> false means the marker ends a line of output, so it cannot be rewritten.
    /// </summary>
    public string? Hidden { get; init; }

    /// <summary>A one-line hidden output comment: the (empty) body sits just before the closing marker.</summary>
    public bool OpensInline { get; init; }
}

/// <summary>
/// An HTML comment addressed to the tool: <c>&lt;!-- snippetcheck: WORDS</c> then, for a prelude, code lines.
/// </summary>
/// <param name="Location">Where the comment starts.</param>
/// <param name="Words">What follows <c>snippetcheck:</c> on the comment's first line.</param>
/// <param name="Body">The comment's further lines, up to <c>--&gt;</c>.</param>
internal sealed record DirectiveComment(SourceLocation Location, string Words, IReadOnlyList<CodeLine> Body) : MarkdownItem
{
    /// <summary>Written as an MDX comment, <c>{/* snippetcheck: … */}</c>.</summary>
    public bool IsMdx { get; init; }

    /// <summary>For <c>snippetcheck: output</c>, the hidden output block the comment stands for when no fence follows it.</summary>
    public FencedBlock? HiddenOutput { get; init; }

    /// <summary>How the comment is written, for messages: <c>&lt;!-- snippetcheck: WORDS --&gt;</c> or the MDX form.</summary>
    public string Written => IsMdx ? $"{{/* snippetcheck: {Words} */}}" : $"<!-- snippetcheck: {Words} -->";

    /// <summary>The first of <see cref="Words"/> (<c>prelude</c>, <c>output</c>, a kind), or "" for an empty comment.</summary>
    public string FirstWord => Words.Split(' ', '\t', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";

    /// <summary>True for a <c>snippetcheck: prelude</c> comment, whose body is hidden code for the file or a session.</summary>
    public bool IsPrelude => FirstWord.Equals("prelude", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for a <c>snippetcheck: page</c> comment: the page's settings, hidden from readers (<see cref="PageSettingsComment"/>).</summary>
    public bool IsPageSettings => FirstWord.Equals(PageSettingsComment.Word, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// An HTML comment not addressed to the tool that holds fenced blocks: the docs' own hidden code (a
/// <c>```requiredcode</c> fence that their generator reads). Config <c>hiddenFences</c> names the info strings whose
/// fences are hidden code for SnippetCheck too.
/// </summary>
internal sealed record HiddenFences(SourceLocation Location, IReadOnlyList<HiddenFence> Fences) : MarkdownItem;

/// <summary>One fenced block inside an HTML comment: the first word of its info string, where it opens, and its lines.</summary>
internal sealed record HiddenFence(string Info, SourceLocation Location, IReadOnlyList<CodeLine> Body);

/// <summary>
/// An HTML comment that looks meant for the tool but is misspelt (<c>&lt;!-- snipetcheck: run --&gt;</c>): reported, never ignored.
/// </summary>
/// <param name="Text">The comment's first line, after <c>&lt;!--</c>.</param>
internal sealed record MisspeltComment(SourceLocation Location, string Text) : MarkdownItem
{
    /// <summary>Written as an MDX comment, <c>{/* … */}</c>.</summary>
    public bool IsMdx { get; init; }
}

/// <summary>The YAML between the <c>---</c> lines at the very top of a file, or the TOML between <c>+++</c> lines.</summary>
/// <param name="Text">The front matter's text, between its fence lines: YAML, or TOML when <see cref="IsToml"/>.</param>
/// <param name="Location">Where the opening line stands; the text starts on the line after it.</param>
internal sealed record FrontMatter(string Text, SourceLocation Location)
{
    /// <summary>Hugo's TOML front matter, between <c>+++</c> lines.</summary>
    public bool IsToml { get; init; }
}

/// <summary>Everything the extractor found in one file.</summary>
/// <param name="Diagnostics">Problems with the file as a whole: bytes that are not UTF-8, Markdown the parser gave up on, a misspelt comment
/// marker.</param>
internal sealed record ExtractedDocument(
    SourceDocument Document, FrontMatter? FrontMatter, IReadOnlyList<MarkdownItem> Items, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>
    /// The page's settings written in a hidden <c>&lt;!-- snippetcheck: page … --&gt;</c> comment, as a front matter of one
    /// <c>snippetcheck:</c> line (<see cref="PageSettingsComment"/>); null when the page has none.
    /// </summary>
    public FrontMatter? PageSettings { get; init; }

    /// <summary>
    /// The front matter (YAML or TOML), the hidden page settings and every <c>snippetcheck:</c> comment (preludes among them) as
    /// the document's own reader found them, in Markdown, MDX or doc comments alike: what a block's run depends on beyond it.
    /// </summary>
    public string RunContext =>
        string.Join('\u0003', [FrontMatter?.Text ?? "", PageSettings?.Text ?? "",
            .. Items.OfType<DirectiveComment>().Select(c => c.Words + "\u0004" + string.Join('\n', c.Body.Select(l => l.Text)))]);
}
