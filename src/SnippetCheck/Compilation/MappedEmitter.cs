using System.Text;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SnippetCheck.Compilation;

/// <summary>Copies spans of a part into generated code, each line behind a <c>#line</c> span directive.</summary>
internal sealed class MappedEmitter(CodePart part, SourceText text, CompilationUnitSyntax root)
{
    private const int MaxDirectiveColumn = 0x10000;

    private readonly string _file = part.File.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    public void Emit(StringBuilder output, TextSpan span, string insertBefore)
    {
        if (span.IsEmpty) return;
        var first = text.Lines.GetLineFromPosition(span.Start).LineNumber;
        var last = text.Lines.GetLineFromPosition(Math.Max(span.Start, span.End - 1)).LineNumber;
        for (var index = first; index <= last; index++)
        {
            var line = text.Lines[index];
            var start = Math.Max(span.Start, line.Start);
            var end = Math.Min(span.End, line.End);
            var content = text.ToString(TextSpan.FromBounds(start, Math.Max(start, end)));
            // A directive inside a multi-line string or comment would become part of it; such lines
            // follow the previous directive, which keeps their line right (the column may be off).
            if (index != first && IsInsideMultiLineToken(start))
            {
                output.Append(content).Append('\n');
                continue;
            }
            // The character offset is the 0-based generated column where the mapped text starts, and must
            // be at least 1: every mapped line starts with a space (plus 'global ' for hoisted usings).
            var prefix = " " + (index == first ? insertBefore : "");
            var source = part.Lines[index];
            var column = source.Column + (start - line.Start);
            // Roslyn accepts columns up to 65536 in a span directive; a longer line maps its tail to the limit.
            var startColumn = Math.Clamp(column, 1, MaxDirectiveColumn - 1);
            var endColumn = Math.Clamp(column + Math.Max(1, content.Length), startColumn + 1, MaxDirectiveColumn);
            output.Append("#line (").Append(source.Line).Append(", ").Append(startColumn).Append(") - (")
                .Append(source.Line).Append(", ").Append(endColumn).Append(") ")
                .Append(prefix.Length).Append(" \"").Append(_file).Append("\"\n");
            output.Append(prefix).Append(content).Append('\n');
        }
    }

    private bool IsInsideMultiLineToken(int position)
    {
        var token = root.FindToken(position, findInsideTrivia: true);
        if (token.Span.Start < position && position < token.Span.End) return true;
        var trivia = root.FindTrivia(position, findInsideTrivia: false);
        if (trivia.Span.Start < position && position < trivia.Span.End) return true;
        return token.Parent?.AncestorsAndSelf().Any(n =>
            n is InterpolatedStringExpressionSyntax && n.Span.Start < position && position < n.Span.End) == true;
    }
}
