using System.Text;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SnippetCheck.Compilation;

namespace SnippetCheck.Programs;

/// <summary>
/// Writes generated C#: hidden code of the tool's own, and the author's text line by line, each line behind a
/// <c>#line</c> span directive back to its document line and column. Parts of the author's text that belong
/// elsewhere are blanked (their characters become spaces), never cut, so every directive the author wrote
/// (<c>#define</c>, <c>#if</c>…<c>#endif</c>, <c>#region</c>, <c>#nullable</c>, <c>#pragma</c>) stays where it was.
/// </summary>
internal sealed class MappedWriter
{
    /// <summary>Code written into a part at a position between two of its tokens.</summary>
    internal readonly record struct Insertion(int At, Action<MappedWriter> Write);

    private const int MaxDirectiveColumn = 0x10000;
    private readonly StringBuilder _output = new();

    public override string ToString() => _output.ToString();

    /// <summary>Code of the tool's own, hidden from diagnostics and the debugger.</summary>
    public MappedWriter Hidden(string code)
    {
        _output.Append("#line hidden\n").Append(code);
        if (code.Length > 0 && code[^1] != '\n') _output.Append('\n');
        return this;
    }

    /// <summary>
    /// The author's text of <paramref name="part"/> with <paramref name="blanks"/> blanked; each of <paramref name="inserts"/>
    /// is written at its position, which lies between two tokens.
    /// </summary>
    public MappedWriter Part(ParsedPart part, IEnumerable<TextSpan> blanks, params IReadOnlyList<Insertion> inserts)
    {
        var text = Masked(part.Text, blanks);
        var file = Escape(part.Part.File);
        var lines = part.Part.Lines;
        // A fence at the left margin keeps its columns: one plain '#line N' maps its lines as they are, with no
        // directive between two of them (the parser pins some errors, such as CS8635 on '...', to the trivia before the
        // next token, which must not be a directive of ours). A fence in a list or quote needs a span directive per line.
        // Generated lines (the class around a 'members' block) are written hidden and leave the author's lines as they are.
        var authored = lines.Where(l => !l.Generated).ToList();
        var plain = authored.Count > 0
            && Enumerable.Range(0, authored.Count).All(i => authored[i].Column == 1 && authored[i].Line == authored[0].Line + i);
        var synced = false;
        var pending = new Queue<Insertion>(inserts.OrderBy(i => i.At));
        foreach (var line in part.Text.Lines)
        {
            var start = line.Start;
            while (pending.TryPeek(out var next) && next.At <= line.End)
            {
                pending.Dequeue();
                Piece(part, text, line, start, Math.Max(start, next.At), file, plain, ref synced);
                next.Write(this);
                synced = false;
                start = Math.Max(start, next.At);
            }
            Piece(part, text, line, start, line.End, file, plain, ref synced);
        }
        while (pending.TryDequeue(out var rest)) rest.Write(this);
        return this;
    }

    /// <summary>A line, or the part of one before or after an insertion.</summary>
    private void Piece(ParsedPart part, string text, TextLine line, int start, int end, string file, bool plain, ref bool synced)
    {
        if (part.Part.Lines[line.LineNumber].Generated)
        {
            Hidden(text[start..end]);
            synced = false;
            return;
        }
        if (plain && start == line.Start)
        {
            // A directive inside a multi-line string or comment would become part of it; such a line follows the last one.
            if (!synced && !(start > 0 && IsInsideMultiLineToken(part.Root, start)))
            {
                _output.Append("#line ").Append(part.Part.Lines[line.LineNumber].Line).Append(" \"").Append(file).Append("\"\n");
                synced = true;
            }
            _output.Append(text, start, end - start).Append('\n');
            return;
        }
        Line(part, text, line, start, end, file);
        synced = false;
    }

    /// <summary>
    /// One directive or declaration of the author's (a using, say), written elsewhere than in its part, after <paramref name="prefix"/>.
    /// </summary>
    public MappedWriter Span(ParsedPart part, TextSpan span, string prefix)
    {
        var file = Escape(part.Part.File);
        var text = part.Text.ToString();
        var first = true;
        foreach (var line in part.Text.Lines.Where(l => l.End >= span.Start && l.Start < span.End))
        {
            var start = Math.Max(span.Start, line.Start);
            var end = Math.Min(span.End, line.End);
            Line(part, text, line, start, end, file, first ? prefix : "", force: true);
            first = false;
        }
        return this;
    }

    /// <summary>One span of a line [start, end); it starts on a line of its own.</summary>
    private void Line(ParsedPart part, string text, TextLine line, int start, int end, string file, string prefix = "", bool force = false)
    {
        var content = text[start..end];
        // A directive inside a multi-line string or comment would become part of it; such lines follow the
        // previous directive, which keeps their line right (the column may be off).
        if (start > 0 && IsInsideMultiLineToken(part.Root, start))
        {
            _output.Append(content).Append('\n');
            return;
        }
        if (!force && start != line.Start && content.Trim().Length == 0) return;
        var source = part.Part.Lines[line.LineNumber];
        var column = source.Column + (start - line.Start);
        // The generated column where the mapped text starts must be at least 1: every mapped line starts with a space.
        var startColumn = Math.Clamp(column, 1, MaxDirectiveColumn - 1);
        var endColumn = Math.Clamp(column + Math.Max(1, content.Length), startColumn + 1, MaxDirectiveColumn);
        _output.Append("#line (").Append(source.Line).Append(", ").Append(startColumn).Append(") - (")
            .Append(source.Line).Append(", ").Append(endColumn).Append(") ").Append(1 + prefix.Length).Append(" \"").Append(file).Append("\"\n");
        _output.Append(' ').Append(prefix).Append(content).Append('\n');
    }

    private static string Masked(SourceText text, IEnumerable<TextSpan> blanks)
    {
        var chars = text.ToString().ToCharArray();
        foreach (var span in blanks)
        {
            for (var i = span.Start; i < span.End; i++)
            {
                if (chars[i] is not ('\n' or '\r')) chars[i] = ' ';
            }
        }
        return new string(chars);
    }

    private static bool IsInsideMultiLineToken(CompilationUnitSyntax root, int position)
    {
        var token = root.FindToken(position, findInsideTrivia: true);
        if (token.Span.Start < position && position < token.Span.End) return true;
        var trivia = root.FindTrivia(position, findInsideTrivia: false);
        if (trivia.Span.Start < position && position < trivia.Span.End) return true;
        return token.Parent?.AncestorsAndSelf().Any(n =>
            n is InterpolatedStringExpressionSyntax && n.Span.Start < position && position < n.Span.End) == true;
    }

    private static string Escape(string file) =>
        file.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
