using SnippetCheck.Extraction;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Editing;

namespace SnippetCheck.Editor;

/// <summary>A quick fix: a title and the character edits that make it, on the text the verdicts were computed on.</summary>
public sealed record QuickFix(string Title, IReadOnlyList<TextEdit> Edits);

/// <summary>
/// The fixes an editor offers for a verdict: accept the actual output (through <see cref="AcceptOutcome.PlanEdits"/>, the same
/// byte-exact editor as <c>--accept</c>), correct a near-miss tag, and tag an untagged block that was shown to pass.
/// </summary>
public static class QuickFixes
{
    /// <summary>"Accept actual output" for an output mismatch; null when <c>--accept</c> would refuse it (and why).</summary>
    public static QuickFix? AcceptOutput(SourceDocument document, SnippetResult result, out string? refusal) =>
        AcceptOutcome.PlanEdits(document, result, out refusal) is { } edits ? new QuickFix("Accept actual output", edits) : null;

    /// <summary>
    /// <c>rnu</c> → <c>run</c>, <c>timout=2s</c> → <c>timeout=2s</c>: the misspelt word of an SC1001 finding
    /// (<see cref="Diagnostic.Suggestion"/>), found on the fence line or the tag comment above it, with its key replaced.
    /// </summary>
    public static QuickFix? NearMiss(SourceDocument document, Suggestion suggestion, SourceLocation at)
    {
        var (word, meant) = (suggestion.Word, suggestion.Meant);
        var equals = word.IndexOf('=');
        var replacement = equals < 0 ? meant : meant + word[equals..];
        // The word is on the fence line, or in the comment on the lines just before it.
        for (var line = at.Line; line >= Math.Max(1, at.Line - 10); line--)
        {
            var text = document.LineText(line);
            for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.Ordinal))
            {
                if (!IsBoundary(text, i - 1) || !IsBoundary(text, i + word.Length)) continue;
                var start = document.LineStart(line) + i;
                return new QuickFix($"Change '{word}' to '{replacement}'", [new TextEdit(start, start + word.Length, replacement)]);
            }
        }
        return null;
    }

    /// <summary>
    /// Adds a tag at the end of a fence's info string (<c>```csharp</c> → <c>```csharp run</c>); null for a doc comment's <c>&lt;code&gt;</c>.
    /// </summary>
    public static QuickFix? AddTag(SourceDocument document, Snippet snippet, string tag)
    {
        if (snippet.IsXmlEscaped) return null;
        var line = document.LineText(snippet.Location.Line);
        var end = document.LineStart(snippet.Location.Line) + line.TrimEnd().Length;
        return new QuickFix($"Add tag '{tag}' (this block passes as '{tag}')", [new TextEdit(end, end, " " + tag)]);
    }

    private static bool IsBoundary(string text, int index) => index < 0 || index >= text.Length || char.IsWhiteSpace(text[index])
        || text[index] is '`' or '~' or '{' or '}' or ',';
}
