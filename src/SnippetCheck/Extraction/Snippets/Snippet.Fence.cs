using SnippetCheck.Model;

namespace SnippetCheck.Extraction.Snippets;

/// <summary>
/// What a host (an editor, <c>render</c>) reads of a snippet's blocks as they stand in the file: its fence, its tags as
/// written, its output and stdin blocks. The blocks themselves, and how they were read, stay the core's.
/// </summary>
public sealed partial record Snippet
{
    /// <summary>Where the block's opening fence stands.</summary>
    public SourceLocation Location => Block.Location;

    /// <summary>The line its closing fence stands on (its last line when it is not closed).</summary>
    public int EndLine => Block.EndLine;

    /// <summary>The info string's first word, the language (<c>csharp</c>, <c>cs</c>).</summary>
    public string Info => Block.Info;

    /// <summary>The body's lines as written, each with its place in the file (<see cref="Code"/> blanks directive lines).</summary>
    public IReadOnlyList<CodeLine> Lines => Block.Lines;

    /// <summary>The body with lines joined by <c>\n</c>.</summary>
    public string Content => Block.Content;

    /// <summary>A doc comment's <c>&lt;code&gt;</c> element rather than a fence: no tag can be written above it.</summary>
    public bool IsXmlEscaped => Block.IsXmlEscaped;

    /// <summary>What stands before the fence on its line (list indent, <c>&gt; </c>), repeated on each body line.</summary>
    public string LinePrefix => Block.LinePrefix;

    /// <summary>Its tag text as written, info string and comment joined.</summary>
    public string TagText => Tags.Original;

    /// <summary>Its <c>session=</c>: the snippets of a file with the same session compile and run as one program; null without one.</summary>
    public string? Session => Tags.Session;

    /// <summary>The text fed to its standard input, from its stdin block; null without one.</summary>
    public string? StdinText => Stdin?.Content;

    /// <summary>The output it must print, as matched (<see cref="ExpectedOutput.Text"/>); null without an output block.</summary>
    public string? ExpectedText => Output?.Text;

    /// <summary>Where its output block (a fence, or hidden output in a comment) starts; null without one.</summary>
    public SourceLocation? OutputLocation => Output?.Block.Location;

    /// <summary>The last line of its output block; null without one.</summary>
    public int? OutputEndLine => Output?.Block.EndLine;

    /// <summary>Its output is hidden, in a <c>&lt;!-- snippetcheck: output</c> comment rather than a fence readers see.</summary>
    public bool HasHiddenOutput => Output?.Block.IsHidden == true;
}
