namespace SnippetCheck.Extraction;

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
