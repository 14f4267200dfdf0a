using System.Text;
using SnippetCheck.Extraction;

namespace SnippetCheck.Editing;

/// <summary>
/// Replace the characters <c>[Start, End)</c> of a document's text with <c>NewText</c> (an insertion when the two are
/// equal). The one edit type of every rewrite: <c>--accept</c>, <c>adopt --write</c>, <c>outdated --write</c> and an editor's
/// quick fixes, and the one way a host writes edits into a document (<see cref="Rewrite"/>).
/// </summary>
public sealed record TextEdit(int Start, int End, string NewText)
{
    /// <summary>
    /// The text with the edits applied, in one pass. Edits must not overlap; at one offset an insertion goes before
    /// a replacement that starts there, and insertions keep the order they were given in.
    /// </summary>
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var ordered = edits.OrderBy(e => e.Start).ThenBy(e => e.End).ToList();
        var result = new StringBuilder(text.Length + ordered.Sum(e => e.NewText.Length));
        var position = 0;
        foreach (var edit in ordered)
        {
            if (edit.Start < position || edit.End < edit.Start || edit.End > text.Length)
                throw new ArgumentException($"edit [{edit.Start}, {edit.End}) overlaps another or lies outside the text", nameof(edits));
            result.Append(text, position, edit.Start - position).Append(edit.NewText);
            position = edit.End;
        }
        return result.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>
    /// Applies <paramref name="edits"/> to the document and writes it back byte for byte elsewhere, as <c>--accept</c> does
    /// (<see cref="DocumentRewriter"/>): the file must still be the bytes that were verified, and the edited text must satisfy
    /// <paramref name="readsBack"/>.
    /// </summary>
    /// <param name="readBackProblem">Why not, when <paramref name="readsBack"/> refuses the text.</param>
    /// <returns>Null when written; otherwise why not.</returns>
    public static string? Rewrite(SourceDocument document, IEnumerable<TextEdit> edits, Func<string, bool> readsBack, string readBackProblem) =>
        DocumentRewriter.Rewrite(document, text => Apply(text, edits), readsBack, readBackProblem);
}
