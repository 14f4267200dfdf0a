using System.Text;

namespace SnippetCheck.Extraction.DocComments;

/// <summary>
/// One line of a <c>&lt;code&gt;</c> element as read: its unescaped text and, per character, its offset in the file, so columns still point into the
/// file after entities are unescaped.
/// </summary>
internal sealed class RawLine
{
    private readonly List<int> _offsets = [];

    public StringBuilder Text { get; } = new();

    /// <summary>The offset of the line's first token, or -1 for a line with none.</summary>
    public int Start { get; private set; } = -1;

    /// <summary>Where the line's text ends (its line break); only used for blank lines.</summary>
    public int End { get; set; } = -1;

    public bool IsBlank => Text.ToString().Trim().Length == 0;

    public void Add(string value, int offset, int length, bool escaped)
    {
        if (Start < 0) Start = offset;
        for (var i = 0; i < value.Length; i++) _offsets.Add(escaped ? offset : offset + Math.Min(i, length - 1));
        Text.Append(value);
    }

    public CodeLine ToCodeLine(SourceDocument document, int indent)
    {
        var text = Text.ToString();
        var cut = text.Trim().Length == 0 ? text.Length : Math.Min(indent, text.Length);
        var startOffset = cut < _offsets.Count ? _offsets[cut] : _offsets.Count > 0 ? _offsets[^1] + 1 : Math.Max(Start, End);
        var (line, column) = document.Lines.Locate(Math.Max(0, startOffset));
        var lineStart = document.Lines.LineStart(line);
        var columns = _offsets.Skip(cut).Select(o => o - lineStart + 1).ToArray();
        var plain = columns.Select((c, i) => c == column + i).All(same => same);
        return new CodeLine(text[cut..], line, column) { SourceColumns = plain ? null : columns };
    }
}
