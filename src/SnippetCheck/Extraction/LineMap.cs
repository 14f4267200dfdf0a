namespace SnippetCheck.Extraction;

/// <summary>
/// A text's lines: offsets to 1-based lines and columns and back, and each line's extent. CR, LF and CRLF each end a
/// line. Every reader (Markdown, MDX, doc comments, front matter) and editor does its line arithmetic here.
/// </summary>
internal sealed class LineMap
{
    private readonly int[] _lineStarts;
    private readonly string _text;

    internal LineMap(string text)
    {
        _text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }
        _lineStarts = [.. starts];
    }

    /// <summary>How many lines the text has.</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>The 1-based line and column of a 0-based offset.</summary>
    public (int Line, int Column) Locate(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0) index = ~index - 1;
        return (index + 1, offset - _lineStarts[index] + 1);
    }

    /// <summary>The offset where a 1-based line starts.</summary>
    public int LineStart(int line) => _lineStarts[line - 1];

    /// <summary>Where the line after <paramref name="line"/> starts: past its line ending, or the end of the text.</summary>
    public int NextLineStart(int line) => line < LineCount ? LineStart(line + 1) : _text.Length;

    /// <summary>Where <paramref name="line"/>'s own text ends, before its line ending.</summary>
    public int ContentEnd(int line)
    {
        var end = NextLineStart(line);
        while (end > LineStart(line) && _text[end - 1] is '\r' or '\n') end--;
        return end;
    }

    /// <summary>A line's text without its line ending; empty for a line outside the text.</summary>
    public string Text(int line) => line < 1 || line > LineCount ? "" : _text[LineStart(line)..ContentEnd(line)];
}
