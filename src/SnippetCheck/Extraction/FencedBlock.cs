using SnippetCheck.Model;

namespace SnippetCheck.Extraction;

/// <summary>A fenced code block of any language; made only by the extractors.</summary>
internal sealed record FencedBlock : DocumentItem
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
