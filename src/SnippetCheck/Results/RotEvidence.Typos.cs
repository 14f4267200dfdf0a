using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Results;

/// <summary>The typos that are evidence of rot (<see cref="RotEvidence.Typo"/>): C# that parses once mended.</summary>
internal static partial class RotEvidence
{
    /// <summary>
    /// A typo in otherwise valid C#: an unrecognised escape (CS1009, a regex in a non-verbatim string), <c>var</c> with a
    /// bare array initializer (CS0820), a line of
    /// JavaScript, or a block that parses once one <c>)</c> is added or taken away.
    /// </summary>
    private static SuspectedRot? TypoIn(SnippetResult failed)
    {
        if (failed.Diagnostics.FirstOrDefault(d => d.Id == "CS1009") is { } escape)
            return new SuspectedRot(escape.Location, escape.Id, escape.Message, Typo, "a backslash in a non-verbatim string (a regex without @?)");
        if (failed.Diagnostics.FirstOrDefault(d => d.Id == "CS0820") is { } initializer)
            return new SuspectedRot(
                initializer.Location, initializer.Id, initializer.Message, Typo, "'var' with a bare array initializer (new[] { ... } compiles)");
        if ((KeywordLambdaParameter(failed.Snippet) ?? KeywordAsArgument(failed.Snippet)) is { } keyword) return keyword;
        var inStrings = LinesInsideStrings(failed.Snippet);
        foreach (var line in failed.Snippet.Code)
        {
            // A page's script inside a C# string (AngleSharp's @"<script>console.log(…)") is the post's data, not its code.
            if (JavaScript().Match(line.Text) is { Success: true } js && !inStrings.Contains(line.Line))
                return new SuspectedRot(
                    failed.Snippet.Location with { Line = line.Line, Column = line.Column + js.Index }, "javascript", line.Text.Trim(), Typo,
                    "a line of JavaScript in a C# fence");
        }
        if (failed.Snippet.Tags.Results || failed.Snippet.Code.Count == 0) return null;
        var text = string.Join('\n', failed.Snippet.Code.Select(l => l.Text));
        // Pseudo-code and placeholders fail to parse for more than one parenthesis: only a block one ')' away from C# is a typo.
        if (text.Contains("...", StringComparison.Ordinal) || Placeholder().IsMatch(text)) return null;
        foreach (var wrap in new[] { (Before: "", After: ""), (Before: "class Members {\n", After: "\n}") })
        {
            var tree = CSharpSyntaxTree.ParseText(wrap.Before + text + wrap.After, new CSharpParseOptions(LanguageVersion.Preview));
            var first = tree.GetDiagnostics().FirstOrDefault(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
            if (first is null) return null;
            var opens = tree.GetRoot().DescendantTokens().Count(t => t.RawKind == (int)SyntaxKind.OpenParenToken);
            var closes = tree.GetRoot().DescendantTokens().Count(t => t.RawKind == (int)SyntaxKind.CloseParenToken && !t.IsMissing);
            if (opens == closes || Math.Abs(opens - closes) > 1) continue;
            var at = first.Location.SourceSpan.Start;
            var fixedText = opens > closes ? (wrap.Before + text + wrap.After).Insert(at, ")")
                : RemoveCloseParen(wrap.Before + text + wrap.After, at);
            if (fixedText is null || CSharpSyntaxTree.ParseText(fixedText, new CSharpParseOptions(LanguageVersion.Preview)).GetDiagnostics()
                    .Any(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)) continue;
            var position = first.Location.GetLineSpan().StartLinePosition;
            var index = Math.Clamp(position.Line - (wrap.Before.Length > 0 ? 1 : 0), 0, failed.Snippet.Code.Count - 1);
            var codeLine = failed.Snippet.Code[index];
            var id = opens > closes ? "CS1026" : "CS1002";
            var message = opens > closes ? ") expected" : "an extra ')'";
            return new SuspectedRot(
                failed.Snippet.Location with { Line = codeLine.Line, Column = codeLine.Column + position.Character }, id, message, Typo,
                $"unbalanced parentheses: {opens} '(' and {closes} ')', and one {(opens > closes ? "more" : "less")} ')' makes it C#");
        }
        return null;
    }

    /// <summary>The lines of the block that lie wholly inside a string literal (a verbatim, raw or interpolated string that spans lines).</summary>
    private static HashSet<int> LinesInsideStrings(Snippet snippet)
    {
        var inside = new HashSet<int>();
        var text = string.Join('\n', snippet.Code.Select(l => l.Text));
        var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview));
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            if (token.RawKind is not ((int)SyntaxKind.StringLiteralToken or (int)SyntaxKind.MultiLineRawStringLiteralToken
                or (int)SyntaxKind.InterpolatedStringTextToken)) continue;
            var span = token.GetLocation().GetLineSpan();
            // The lines after the one the string opens on, up to the one before it closes on: all string.
            for (var line = span.StartLinePosition.Line + 1; line < span.EndLinePosition.Line; line++)
            {
                if (line < snippet.Code.Count) inside.Add(snippet.Code[line].Line);
            }
        }
        return inside;
    }

    /// <summary>
    /// A type keyword where a call's argument belongs: a lambda's parameter named as a keyword (<c>value.Switch(str =&gt; ...,
    /// int =&gt; Use(int))</c>), or a parameter's declaration written in a call (<c>GetThing(string id)</c>). No C# parses it,
    /// with or without the block's <c>...</c> holes; a switch expression's <c>int =&gt;</c> (a type pattern) is no argument.
    /// </summary>
    private static SuspectedRot? KeywordAsArgument(Snippet snippet)
    {
        var tree = CSharpSyntaxTree.ParseText(string.Join('\n', snippet.Code.Select(l => l.Text)), new CSharpParseOptions(LanguageVersion.Preview));
        var keyword = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax>()
            .Select(a => a.Expression).OfType<Microsoft.CodeAnalysis.CSharp.Syntax.PredefinedTypeSyntax>().FirstOrDefault(IsMisplacedKeyword);
        if (keyword is null) return null;
        var position = keyword.GetLocation().GetLineSpan().StartLinePosition;
        var line = snippet.Code[Math.Min(position.Line, snippet.Code.Count - 1)];
        var name = keyword.Keyword.Text;
        return new SuspectedRot(
            snippet.Location with { Line = line.Line, Column = line.Column + position.Character }, "CS1525", $"Invalid expression term '{name}'",
            Typo,
            $"'{name}', a type, where a call's argument belongs (a lambda parameter named '{name}', or a parameter's declaration in a call?)");
    }

    /// <summary>
    /// A keyword right before <c>=&gt;</c> after a call's <c>(</c> or <c>,</c> (<c>value.Switch(str =&gt; ..., int =&gt; Use(int))</c>):
    /// read from the tokens, since the parser skips such a keyword. Inside braces it is a switch expression's type pattern.
    /// </summary>
    private static SuspectedRot? KeywordLambdaParameter(Snippet snippet)
    {
        var text = string.Join('\n', snippet.Code.Select(l => l.Text));
        var tokens = SyntaxFactory.ParseTokens(text).ToList();
        var open = new Stack<int>();
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var kind = tokens[i].RawKind;
            if (kind is (int)SyntaxKind.OpenParenToken or (int)SyntaxKind.OpenBracketToken or (int)SyntaxKind.OpenBraceToken) open.Push(kind);
            else if (kind is (int)SyntaxKind.CloseParenToken or (int)SyntaxKind.CloseBracketToken or (int)SyntaxKind.CloseBraceToken) open.TryPop(
                out _);
            else if (i > 0 && SyntaxFacts.IsReservedKeyword(tokens[i].Kind()) && tokens[i + 1].RawKind == (int)SyntaxKind.EqualsGreaterThanToken
                && tokens[i - 1].RawKind is (int)SyntaxKind.OpenParenToken or (int)SyntaxKind.CommaToken
                && open.TryPeek(out var innermost) && innermost == (int)SyntaxKind.OpenParenToken)
            {
                var start = tokens[i].SpanStart;
                var index = Math.Min(text[..start].Count(c => c == '\n'), snippet.Code.Count - 1);
                var line = snippet.Code[index];
                var name = tokens[i].Text;
                return new SuspectedRot(
                    snippet.Location with { Line = line.Line, Column = line.Column + start - (text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1) },
                    "CS1525", $"Invalid expression term '{name}'",
                    Typo, $"a lambda parameter named '{name}', a keyword (a type where a name belongs?)");
            }
        }
        return null;
    }

    /// <summary>
    /// A type keyword argument that no C# reading explains: one before <c>=&gt;</c> (a lambda parameter named as a keyword),
    /// or one before a name (a declaration) in a call whose value is used. Not a signature listed as a statement
    /// (<c>String.Format(string format, params object[] args)</c>), not <c>nameof(int)</c> or <c>Parse(string)</c>, where
    /// the keyword stands for a value, and not an explicitly typed lambda's parameters (<c>(int x) =&gt; x + 1</c>).
    /// </summary>
    private static bool IsMisplacedKeyword(Microsoft.CodeAnalysis.CSharp.Syntax.PredefinedTypeSyntax keyword)
    {
        var next = keyword.Keyword.GetNextToken(includeZeroWidth: false, includeSkipped: true);
        if (next.RawKind == (int)SyntaxKind.EqualsGreaterThanToken) return true;
        if (next.RawKind != (int)SyntaxKind.IdentifierToken
            || keyword.Parent?.Parent is not Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentListSyntax list) return false;
        return list.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax
                { Parent: not Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax }
            && list.CloseParenToken.GetNextToken(includeZeroWidth: false, includeSkipped: true).RawKind != (int)SyntaxKind.EqualsGreaterThanToken;
    }

    /// <summary>The text without the <c>)</c> nearest before <paramref name="at"/>; null when there is none.</summary>
    private static string? RemoveCloseParen(string text, int at)
    {
        var index = text.LastIndexOf(')', Math.Clamp(at, 0, text.Length - 1));
        return index < 0 ? null : text.Remove(index, 1);
    }
}
