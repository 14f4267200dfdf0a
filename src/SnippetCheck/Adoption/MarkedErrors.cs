using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption;

/// <summary>
/// Blocks that show code the compiler rejects, and say so on the rejected lines (<c>int x = "a"; // error CS0029</c>,
/// <c>// Error, duplicate member name</c>): <c>adopt</c> tags them <c>compile-fail=IDS</c> (docs/authoring.md#blocks-that-show-errors),
/// as rustdoc's <c>compile_fail</c> would be written by hand. The reader already sees that the code does not compile;
/// the tag checks that it still does not, with the same errors.
/// </summary>
/// <remarks>
/// Only the post's own words decide: every error must stand on a line whose comment (on the line, or on a comment
/// line directly above it) begins with such a marker, so an unknown name elsewhere (the usual reason a blog block
/// fails) is never read as intended; nor is one on a marked line, unless the comment names its ID. A compiler ID the
/// comment names must be among the errors found.
/// </remarks>
internal static partial class MarkedErrors
{
    /// <summary>What a block's comments say about its errors, against what the compiler reported.</summary>
    /// <param name="Ids">The errors' IDs, sorted: the <c>compile-fail=</c> list. Empty when the block is not a case.</param>
    /// <param name="Refusal">Why a block whose errors are all marked is not tagged (its comment names another error); null otherwise.</param>
    internal sealed record Reading(IReadOnlyList<string> Ids, string? Refusal);

    private static readonly Reading None = new([], null);

    /// <summary>Only comments are read: the newest C# finds them in any block.</summary>
    private static readonly CSharpParseOptions Syntax = new(LanguageVersion.Preview);

    /// <summary>
    /// Errors that come from what the block lacks (a name an unshown block declares) or from its shape as a program,
    /// not from what it shows: <c>new C().M(); // error: 'C' has no member 'M'</c> gives CS0246 when <c>C</c> is
    /// declared elsewhere. They count as marked only when the comment names their ID.
    /// </summary>
    private static readonly HashSet<string> ContextErrors =
        new(["CS0103", "CS0246", "CS0234", "CS0106", "CS0116", "CS9348", "CS8803"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Comment words that mark a line as a compile error: "error", "compile-time error", "compilation error",
    /// "result error", a compiler ID (CS0029), "illegal", "invalid", "not allowed", "does not compile" and the like,
    /// at the start of the comment; "error CS0029", "causes CS0165", "causes the error" anywhere in it.
    /// </summary>
    [GeneratedRegex(@"^(?:(?:result|compile[- ]time|compiler|compilation|build)\s+)?error\b|^CS\d{4}\b|\berror\s+CS\d{4}\b"
        + @"|^(?:illegal|invalid|not\s+(?:allowed|permitted|valid))\b|^(?:does\s+not|doesn't|won't|will\s+not|cannot|can't)\s+compile\b"
        + @"|\b(?:causes|generates|produces|gives|triggers|raises)\s+(?:the\s+|an?\s+|this\s+)?"
        + @"(?:(?:compiler|compile[- ]time)\s+)?(?:error\b|CS\d{4}\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    [GeneratedRegex(@"\bCS\d{4}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CompilerId();

    /// <summary>What <paramref name="failed"/>'s comments say of its errors.</summary>
    public static Reading Of(SnippetResult failed)
    {
        var errors = failed.Diagnostics.Where(d => d.IsError).ToList();
        if (failed.Status != SnippetStatus.Failed || failed.Reason != FailureReason.CompileError || errors.Count == 0) return None;
        var marked = MarkedLines(failed.Snippet);
        if (errors.Any(e => e.Location.File != failed.Snippet.Location.File || !marked.ContainsKey(e.Location.Line))) return None;
        if (errors.Any(e => ContextErrors.Contains(e.Id) && !marked[e.Location.Line].Contains(e.Id, StringComparer.OrdinalIgnoreCase))) return None;

        var ids = errors.Select(e => e.Id.ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal).ToList();
        var named = errors.SelectMany(e => marked[e.Location.Line]).Distinct().Order(StringComparer.Ordinal).ToList();
        var unseen = named.Where(id => !ids.Contains(id)).ToList();
        return unseen.Count == 0
            ? new Reading(ids, null)
            : new Reading([], $"its comments mark the errors as {string.Join(", ", unseen)}, but the compiler reports {string.Join(", ", ids)}: " +
                "left untagged, since the post no longer says what the compiler does");
    }

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

    /// <summary>A comment's text without its delimiters and leading punctuation (<c>// -- error</c>, <c>/* Error */</c>).</summary>
    private static string CommentWords(string comment)
    {
        var closed = comment.StartsWith("/*", StringComparison.Ordinal) && comment.EndsWith("*/", StringComparison.Ordinal) && comment.Length >= 4;
        var text = closed ? comment[2..^2] : comment[2..];
        return text.TrimStart('/', '*', '-', ' ', '\t', ':', '!', '>').Trim();
    }
}
