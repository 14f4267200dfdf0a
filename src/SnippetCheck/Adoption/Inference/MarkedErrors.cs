using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption.Inference;

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
internal static class MarkedErrors
{
    /// <summary>What a block's comments say about its errors, against what the compiler reported.</summary>
    /// <param name="Ids">The errors' IDs, sorted: the <c>compile-fail=</c> list. Empty when the block is not a case.</param>
    /// <param name="Refusal">Why a block whose errors are all marked is not tagged (its comment names another error); null otherwise.</param>
    internal sealed record Reading(IReadOnlyList<string> Ids, string? Refusal);

    private static readonly Reading None = new([], null);

    /// <summary>What <paramref name="failed"/>'s comments say of its errors.</summary>
    public static Reading Of(SnippetResult failed)
    {
        var errors = failed.Diagnostics.Where(d => d.IsError).ToList();
        if (failed.Status != SnippetStatus.Failed || failed.Reason != FailureReason.CompileError || errors.Count == 0) return None;
        var marked = ErrorMarkers.MarkedLines(failed.Snippet);
        if (errors.Any(e => e.Location.File != failed.Snippet.Location.File || !marked.ContainsKey(e.Location.Line))) return None;
        bool MarkedAs(Diagnostic error) => marked[error.Location.Line].Contains(error.Id, StringComparer.OrdinalIgnoreCase);
        // An error from what the block lacks or its shape counts as marked only when the comment names its ID:
        // 'new C().M(); // error: 'C' has no member 'M'' gives CS0246 when 'C' is declared elsewhere.
        if (errors.Any(e => UnknownNames.Context.Contains(e.Id) && !MarkedAs(e))) return None;
        // So does a syntax error: a listing of expressions with no ';' has one on its marked line whatever that line
        // shows ('(A.From(42) == B.From(42)) // compilation error'), and a misspelt call would keep it.
        var syntax = SyntaxErrorIds(failed.Snippet);
        if (errors.Any(e => syntax.Contains(e.Id) && !MarkedAs(e))) return None;

        var ids = errors.Select(e => e.Id.ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal).ToList();
        var named = errors.SelectMany(e => marked[e.Location.Line]).Distinct().Order(StringComparer.Ordinal).ToList();
        var unseen = named.Where(id => !ids.Contains(id)).ToList();
        return unseen.Count == 0
            ? new Reading(ids, null)
            : new Reading([], $"its comments mark the errors as {string.Join(", ", unseen)}, but the compiler reports {string.Join(", ", ids)}: " +
                "left untagged, since the post no longer says what the compiler does");
    }

    /// <summary>The IDs of the errors the parser alone finds in the block's code.</summary>
    private static HashSet<string> SyntaxErrorIds(Snippet snippet) =>
        [.. CSharpSyntaxTree.ParseText(string.Join('\n', snippet.Code.Select(l => l.Text)), new CSharpParseOptions(LanguageVersion.Preview))
            .GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => d.Id)];
}
