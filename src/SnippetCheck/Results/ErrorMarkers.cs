using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Compilation;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Results;

/// <summary>
/// The lines a block's own comments mark as failing to compile (<c>int x = "a"; // error CS0029</c>, <c>// Error, duplicate
/// member name</c>, "The following line causes CS0165"): where <c>adopt</c> reads a <c>compile-fail</c> case
/// (<c>Adoption.Inference.MarkedErrors</c>), and where the judge requires a <c>compile-fail</c> block's errors to stand
/// (docs/authoring.md#blocks-that-show-errors).
/// </summary>
internal static partial class ErrorMarkers
{
    /// <summary>Only comments are read: the newest C# finds them in any block.</summary>
    private static readonly CSharpParseOptions Syntax = new(LanguageVersion.Preview);

    /// <summary>
    /// Comment words that mark a line as a compile error: "error", "compile-time error", "compilation error",
    /// "result error", a compiler ID (CS0029), "illegal", "invalid", "not allowed", "does not compile" and the like,
    /// at the start of the comment; "error CS0029", "causes CS0165", "causes the error" anywhere in it; "error" last, after the
    /// signature the line declares (<c>void F(out int x); // F(out int) error</c>, as the C# standard writes it).
    /// </summary>
    [GeneratedRegex(@"^(?:(?:result|compile[- ]time|compiler|compilation|build)\s+)?error\b|^CS\d{4}\b|\berror\s+CS\d{4}\b|[)\]>]\s+error\W*$"
        + @"|^(?:illegal|invalid|not\s+(?:allowed|permitted|valid))\b|^(?:does\s+not|doesn't|won't|will\s+not|cannot|can't)\s+compile\b"
        + @"|\b(?:causes|generates|produces|gives|triggers|raises)\s+(?:the\s+|an?\s+|this\s+)?"
        + @"(?:(?:compiler|compile[- ]time)\s+)?(?:error\b|CS\d{4}\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    [GeneratedRegex(@"\bCS\d{4}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CompilerId();

    /// <summary>
    /// The post lines of the block's code whose comment begins with a marker, each with the compiler IDs the comment
    /// names. A comment alone on its line marks the next line too (<c>// Error: ...</c> above the statement).
    /// </summary>
    internal static Dictionary<int, IReadOnlyList<string>> MarkedLines(Snippet snippet)
    {
        var code = snippet.Code;
        var marked = new Dictionary<int, IReadOnlyList<string>>();
        if (code.Count == 0) return marked;
        var tree = CSharpSyntaxTree.ParseText(string.Join('\n', code.Select(l => l.Text)), Syntax);
        foreach (var comment in tree.GetRoot().DescendantTrivia().Where(
            t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)))
        {
            var words = CommentWords(comment.ToString());
            if (!Marker().IsMatch(words)) continue;
            var ids = CompilerId().Matches(words).Select(m => m.Value.ToUpperInvariant()).ToList();
            var span = comment.GetLocation().GetLineSpan();
            var (first, last) = (span.StartLinePosition.Line, span.EndLinePosition.Line);
            var alone = string.IsNullOrWhiteSpace(code[first].Text[..span.StartLinePosition.Character]) &&
                string.IsNullOrWhiteSpace(code[last].Text[span.EndLinePosition.Character..]);
            // A comment alone marks the first line of code after it, past the comment lines that go on with it
            // ('// The following line causes CS0165 because d is used' / '// before it is initialized.').
            if (alone) for (last++; last < code.Count && code[last].Text.TrimStart().StartsWith("//", StringComparison.Ordinal); last++) { }
            for (var line = first; line <= last && line < code.Count; line++)
            {
                var at = code[line].Line;
                marked[at] = marked.TryGetValue(at, out var before) ? [.. before, .. ids] : ids;
            }
        }
        return marked;
    }

    /// <summary>
    /// The first of <paramref name="errors"/> the block's comments do not account for, when they mark any line: an error
    /// stands on a marked line, or has an ID a marked line names but the compiler reports on another line (CS4007 named
    /// on the <c>await</c>, reported on the span it keeps alive), one such error per marked line that names the ID and
    /// has no error of it. Null when every error is accounted for, or the block marks nothing.
    /// </summary>
    internal static CompilerDiagnostic? FirstUnmarked(Snippet snippet, IReadOnlyList<CompilerDiagnostic> errors)
    {
        var marked = MarkedLines(snippet);
        if (marked.Count == 0) return null;
        bool On(CompilerDiagnostic e, int line) => e.Location is { } at && at.File == snippet.Location.File && at.Line == line;
        var elsewhere = marked.SelectMany(m => m.Value.Distinct().Where(id => !errors.Any(e => On(e, m.Key) && Same(e.Id, id))))
            .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        foreach (var error in errors.Where(e => !marked.Keys.Any(line => On(e, line))))
        {
            var id = error.Id.ToUpperInvariant();
            if (elsewhere.GetValueOrDefault(id) == 0) return error;
            elsewhere[id]--;
        }
        return null;
    }

    private static bool Same(string id, string other) => string.Equals(id, other, StringComparison.OrdinalIgnoreCase);

    /// <summary>A comment's text without its delimiters and leading punctuation (<c>// -- error</c>, <c>/* Error */</c>).</summary>
    private static string CommentWords(string comment)
    {
        var closed = comment.StartsWith("/*", StringComparison.Ordinal) && comment.EndsWith("*/", StringComparison.Ordinal) && comment.Length >= 4;
        var text = closed ? comment[2..^2] : comment[2..];
        return text.TrimStart('/', '*', '-', ' ', '\t', ':', '!', '>').Trim();
    }
}
