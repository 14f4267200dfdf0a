using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Extraction;

namespace SnippetCheck.Compilation;

/// <summary>
/// A block tagged <c>results</c> writes what expressions evaluate to the way READMEs do, one per line:
/// <c>"HTML".Humanize() => "HTML"</c>. Each such line is checked as Python's doctest checks <c>&gt;&gt;&gt;</c> lines:
/// the expression's value must equal the value after <c>=&gt;</c> (<see cref="object.Equals(object, object)"/>, so
/// <c>1</c> is not <c>1L</c>, and strings compare ordinally). The check, written on the line itself, throws naming
/// the post's line, the expression and both values when they differ. Every other line is compiled as written.
/// </summary>
internal static class ResultLines
{
    /// <summary>
    /// Where a line's <c>=&gt;</c> stands when the line reads as a result line: one <c>=&gt;</c> outside brackets, with a
    /// whole expression on each side (a comment may follow). Null otherwise. A lambda alone (<c>x =&gt; x * 2</c>) reads
    /// so too, but is no statement of C#: <see cref="Arrows"/> takes only lines that start a statement.
    /// </summary>
    internal static int? ArrowOf(string line, CSharpParseOptions options)
    {
        var tokens = SyntaxFactory.ParseTokens(line, options: options).ToList();
        int? arrow = null;
        var depth = 0;
        foreach (var token in tokens)
        {
            if (token.ContainsDiagnostics) return null;
            if (token.Kind() is SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken or SyntaxKind.OpenBraceToken) depth++;
            else if (token.Kind() is SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken or SyntaxKind.CloseBraceToken) depth--;
            else if (token.IsKind(SyntaxKind.EqualsGreaterThanToken) && depth == 0)
            {
                if (arrow is not null) return null;
                arrow = token.SpanStart;
            }
            if (depth < 0) return null;
        }
        if (arrow is not { } at || depth != 0) return null;
        return IsWholeExpression(line[..at], options) && IsWholeExpression(line[(at + 2)..], options) ? at : null;
    }

    private static bool IsWholeExpression(string text, CSharpParseOptions options)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var expression = SyntaxFactory.ParseExpression(text, options: options, consumeFullText: true);
        return !expression.ContainsDiagnostics && !expression.IsMissing;
    }

    /// <summary>True when any line of the block is a result line.</summary>
    public static bool Any(IReadOnlyList<CodeLine> lines, CSharpParseOptions options) => Arrows(lines, options).Any(a => a is not null);

    /// <summary>
    /// Each line's <c>=&gt;</c> when it is a result line that starts a statement: the first code line, or one after a
    /// line that ends with <c>;</c> or <c>}</c>, or after another result line. The last arm of a switch expression
    /// (<c>Kind.B =&gt; "b"</c>, after an arm that ends with a comma) is C# already, and stays as it is.
    /// </summary>
    private static int?[] Arrows(IReadOnlyList<CodeLine> lines, CSharpParseOptions options)
    {
        var arrows = new int?[lines.Count];
        var startsStatement = true;
        for (var i = 0; i < lines.Count; i++)
        {
            var last = SyntaxFactory.ParseTokens(lines[i].Text, options: options).LastOrDefault(t => !t.IsKind(SyntaxKind.EndOfFileToken));
            if (last.IsKind(SyntaxKind.None)) continue; // blank, or only a comment
            arrows[i] = startsStatement ? ArrowOf(lines[i].Text, options) : null;
            startsStatement = arrows[i] is not null || last.Kind() is SyntaxKind.SemicolonToken or SyntaxKind.CloseBraceToken;
        }
        return arrows;
    }

    /// <summary>
    /// The block's lines with each result line turned into its check, on the same line: the check's own text maps to
    /// the columns beside the author's (<see cref="CodeLine.SourceColumns"/>), so diagnostics and stack traces name the
    /// post's line and columns. The other lines are as they are.
    /// </summary>
    internal static IReadOnlyList<CodeLine> Rewrite(IReadOnlyList<CodeLine> lines, string file, CSharpParseOptions options)
    {
        var arrows = Arrows(lines, options);
        return [.. lines.Select((line, i) => arrows[i] is { } arrow ? Check(line, arrow, file) : line)];
    }

    private static CodeLine Check(CodeLine line, int arrow, string file)
    {
        var text = line.Text;
        // The value ends at its last token; a comment after it goes after the check.
        var valueEnd = arrow + 2 + SyntaxFactory.ParseExpression(text[(arrow + 2)..]).Span.End;
        var where = Literal($"{file}({line.Line},{line.ColumnAt(arrow)})");
        var prefix = "{ var __result = (";
        // Inline, with no helper a failed compilation could call unused: each value as C# would write it, a sequence as
        // its elements ([1, 3, 6, 10]), and, when two print alike (2 and 2L), with the type the tuple gave it. Two
        // sequences (strings aside) are equal when their elements are, in order: 'result => new[] { 1, 3, 6, 10 }' holds
        // for a List<int>, an array or a lazy IEnumerable<int> alike.
        var suffix = "); " +
            "static bool __same(object? __x, object? __y) { if (global::System.Object.Equals(__x, __y)) return true; " +
            "if (__x is string || __y is string || __x is not global::System.Collections.IEnumerable __xs || __y is not " +
            "global::System.Collections.IEnumerable __ys) return false; " +
            "var __a = __xs.GetEnumerator(); var __b = __ys.GetEnumerator(); " +
            "while (true) { var __more = __a.MoveNext(); if (__more != __b.MoveNext()) return false; if (!__more) return true; if " +
            "(!__same(__a.Current, __b.Current)) return false; } } " +
            "static string __show(object? __v) => __v is null ? \"null\" : __v is string __s ? \"\\\"\" + __s + \"\\\"\" " +
            ": __v is global::System.Collections.IEnumerable __items ? \"[\" + global::System.String.Join(\", \", " +
            "global::System.Linq.Enumerable.Select(global::System.Linq.Enumerable.Cast<object?>(__items), __show)) + \"]\" : $\"{__v}\"; " +
            "if (!__same(__result.Item1, __result.Item2)) { " +
            "var __actual = __show(__result.Item1); var __expected = __show(__result.Item2); " +
            "if (__actual == __expected) { var __types = __result.GetType().GetGenericArguments(); __actual += \" (\" + __types[0].Name + \")\"; " +
            "__expected += \" (\" + __types[1].Name + \")\"; } " +
            $"throw new global::System.InvalidOperationException({where} + \": \" + {Literal(text[..arrow].Trim())} + \" is \" + __actual + \", " +
            $"not \" + __expected); }} }} ";
        var columns = new List<int>();
        void Map(int count, Func<int, int> column) { for (var i = 0; i < count; i++) columns.Add(column(i)); }
        Map(prefix.Length, _ => line.ColumnAt(0));
        Map(valueEnd, line.ColumnAt);
        Map(suffix.Length, _ => line.ColumnAt(valueEnd));
        Map(text.Length - valueEnd, i => line.ColumnAt(valueEnd + i));
        var check = prefix + text[..arrow] + ", " + text[(arrow + 2)..valueEnd] + suffix + text[valueEnd..];
        return line with { Text = check, SourceColumns = [.. columns] };
    }

    private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

}
