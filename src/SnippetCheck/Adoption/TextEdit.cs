using System.Text;

namespace SnippetCheck.Adoption;

/// <summary>
/// Replace the characters <c>[Start, End)</c> of a document's text with <c>NewText</c> (an insertion when the two are
/// equal). The one edit type of every rewrite: <c>--accept</c>, <c>adopt --write</c> and an editor's quick fixes.
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
}
