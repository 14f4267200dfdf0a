using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SnippetCheck.Extraction;
using SnippetCheck.Compilation;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Rendering;

/// <summary>
/// Describes one block for readers (<see cref="RenderedBlock"/>): its text parsed alone gives keywords, strings,
/// comments and preprocessor lines; the compiler's notes from the verifying run give every name its class and card;
/// the verdict gives the errors, the output and the mark. Nothing here compiles a verified program again.
/// </summary>
internal static class BlockRenderer
{
    /// <summary>A comment line asking for the type of what its caret points at on the line above, as twoslash's <c>// ^?</c>.</summary>
    private const string QueryMarker = "^?";

    /// <param name="showOutput">False when the post shows the output block itself, beside the fragment (<c>--in-place-copy</c>).</param>
    /// <param name="notes">The compiler's notes on the block's names (<see cref="Driver.RunObserver.NotesOn"/>).</param>
    public static RenderedBlock Render(SnippetResult result, IReadOnlyList<SymbolNote> notes, VerifiedMark? mark, bool showOutput = true)
    {
        var snippet = result.Snippet;
        var lines = snippet.Lines;
        var body = SourceText.From(string.Join('\n', lines.Select(l => l.Text)));
        var queries = Enumerable.Range(0, lines.Count).Where(i => i > 0 && IsQuery(lines[i].Text)).ToHashSet();
        // Displayed line of each body line (query lines are not displayed).
        var shown = new int[lines.Count];
        for (int i = 0, next = 0; i < lines.Count; i++) shown[i] = queries.Contains(i) ? -1 : next++;

        var noteAt = notes.ToDictionary(n => (n.Line, n.Column));
        var (tokens, nodes) = Colour(body, lines, shown, noteAt);
        nodes.AddRange(Queries(lines, queries, shown, noteAt));
        nodes.AddRange(Errors(result, lines, shown));

        var code = string.Join('\n', lines.Where((_, i) => shown[i] >= 0).Select(l => l.Text));
        // A block that passed at the check level is not verified: it gets no "Verified by SnippetCheck" mark.
        var verified = result.Verdict is Verdict.Passed;
        return new RenderedBlock(RenderedBlock.SchemaVersion, snippet.Location.File, snippet.Location.Line,
            snippet.IsTagged ? snippet.KindTag : "none", result.StatusWord, verified, code,
            [.. tokens.OrderBy(t => t.Line).ThenBy(t => t.Character)],
            [.. nodes.OrderBy(n => n.Line).ThenBy(n => n.Character)],
            showOutput && verified ? OutputOf(result) : null,
            verified ? mark : null);
    }

    /// <summary>
    /// The coloured pieces of the block's displayed lines, from its text parsed alone and the compiler's notes, and a hover
    /// for each name the notes give a signature.
    /// </summary>
    private static (List<RenderedToken> Tokens, List<RenderedNode> Hovers) Colour(
        SourceText body, IReadOnlyList<CodeLine> lines, int[] shown, Dictionary<(int Line, int Column), SymbolNote> noteAt)
    {
        var tokens = new List<RenderedToken>();
        var nodes = new List<RenderedNode>();
        void Add(TextSpan span, string cssClass)
        {
            // A token may span lines (a verbatim string, a block comment): one coloured piece per line.
            var start = body.Lines.GetLinePosition(span.Start);
            var end = body.Lines.GetLinePosition(span.End);
            for (var line = start.Line; line <= end.Line; line++)
            {
                var from = line == start.Line ? start.Character : 0;
                var to = line == end.Line ? end.Character : body.Lines[line].Span.Length;
                if (to > from && shown[line] >= 0) tokens.Add(new RenderedToken(shown[line], from, to - from, cssClass));
            }
        }

        var root = CSharpSyntaxTree.ParseText(body, ParseOptions).GetRoot();
        foreach (var trivia in root.DescendantTrivia())
        {
            if (TriviaClass(trivia) is { } triviaClass) Add(trivia.Span, triviaClass);
        }
        foreach (var token in root.DescendantTokens())
        {
            if (token.Span.IsEmpty) continue;
            if (!token.IsKind(SyntaxKind.IdentifierToken))
            {
                if (TokenClass(token) is { } tokenClass) Add(token.Span, tokenClass);
                continue;
            }
            var position = body.Lines.GetLinePosition(token.SpanStart);
            var line = lines[position.Line];
            if (noteAt.TryGetValue((line.Line, line.ColumnAt(position.Character)), out var note))
            {
                Add(token.Span, note.Class);
                if (note.Signature is not null && shown[position.Line] >= 0)
                    nodes.Add(new RenderedNode(
                        "hover", shown[position.Line], position.Character, token.Span.Length, note.Signature, note.Summary, note.DocsUrl));
            }
            else if (token.ValueText is "var" or "nameof" or "dynamic" && token.Parent is IdentifierNameSyntax)
            {
                Add(token.Span, "keyword");
            }
        }
        return (tokens, nodes);
    }

    /// <summary>The newest C# the parser knows: a block is displayed as written, whatever version it was verified with.</summary>
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview, DocumentationMode.Parse);

    private static bool IsQuery(string text)
    {
        var trimmed = text.TrimStart();
        return trimmed.StartsWith("//", StringComparison.Ordinal) && trimmed.AsSpan(2).Trim().StartsWith(QueryMarker, StringComparison.Ordinal);
    }

    /// <summary>Each query's answer: the card of the name its caret points at, on the nearest displayed line above.</summary>
    private static IEnumerable<RenderedNode> Queries(
        IReadOnlyList<CodeLine> lines, HashSet<int> queries, int[] shown, Dictionary<(int Line, int Column), SymbolNote> noteAt)
    {
        foreach (var query in queries.Order())
        {
            var caret = lines[query].Text.IndexOf('^');
            var target = query - 1;
            while (target >= 0 && shown[target] < 0) target--;
            if (target < 0) continue;
            var line = lines[target];
            var column = line.ColumnAt(caret);
            var note = noteAt.Values.FirstOrDefault(n => n.Line == line.Line && n.Column <= column && column < n.Column + n.Length);
            yield return note is null
                ? new RenderedNode("query", shown[target], Math.Min(caret, line.Text.Length), 0,
                    "(nothing the compiler knows stands above the caret)")
                : new RenderedNode("query", shown[target], note.Column - line.Column, note.Length, note.Signature ?? note.Class, note.Summary,
                    note.DocsUrl);
        }
    }

    /// <summary>The compiler's errors on the block's displayed lines, as spans of them (a compile-fail block's expected errors too).</summary>
    private static IEnumerable<RenderedNode> Errors(SnippetResult result, IReadOnlyList<CodeLine> lines, int[] shown)
    {
        var index = Enumerable.Range(0, lines.Count).GroupBy(i => lines[i].Line).ToDictionary(g => g.Key, g => g.First());
        foreach (var error in result.Diagnostics.Where(
            d => d.IsError && d.Id.StartsWith("CS", StringComparison.Ordinal) && d.Location.File == result.Location.File))
        {
            if (!index.TryGetValue(error.Location.Line, out var at) || shown[at] < 0) continue;
            var line = lines[at];
            var character = Math.Clamp(error.Location.Column - line.Column, 0, line.Text.Length);
            var end = error.End is { } e && e.Line == error.Location.Line ? e.Column - line.Column : line.Text.Length;
            var length = Math.Clamp(end - character, 0, line.Text.Length - character);
            yield return new RenderedNode("error", shown[at], character, length, error.Message, Code: error.Id);
        }
    }

    /// <summary>What a passing run block printed, as the post wrote it (scrubbed values included); null for other blocks.</summary>
    private static string? OutputOf(SnippetResult result) =>
        result.Kind is not (SnippetKind.Run or SnippetKind.Throws) ? null
        : result.Snippet.ExpectedText is { } expected ? expected
        : string.IsNullOrEmpty(result.ActualOutput) ? null : result.ActualOutput.TrimEnd('\n');

    private static string? TriviaClass(SyntaxTrivia trivia) => trivia.Kind() switch
    {
        SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia or
            SyntaxKind.SingleLineDocumentationCommentTrivia or SyntaxKind.MultiLineDocumentationCommentTrivia => "comment",
        SyntaxKind.DisabledTextTrivia => "excluded",
        _ when trivia.IsDirective => "preprocessor",
        _ => null,
    };

    private static string? TokenClass(SyntaxToken token)
    {
        var kind = token.Kind();
        if (SyntaxFacts.IsKeywordKind(kind)) return "keyword";
        if (kind == SyntaxKind.NumericLiteralToken) return "number";
        return kind is SyntaxKind.StringLiteralToken or SyntaxKind.CharacterLiteralToken or SyntaxKind.Utf8StringLiteralToken or
            SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken or
            SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken or
            SyntaxKind.InterpolatedStringStartToken or SyntaxKind.InterpolatedVerbatimStringStartToken or
            SyntaxKind.InterpolatedSingleLineRawStringStartToken or SyntaxKind.InterpolatedMultiLineRawStringStartToken or
            SyntaxKind.InterpolatedStringTextToken or SyntaxKind.InterpolatedStringEndToken or SyntaxKind.InterpolatedRawStringEndToken
            ? "string" : null;
    }
}
