using SnippetCheck.Adoption.Proposals;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Markdown;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption.Writing;

/// <summary>
/// Where <c>adopt</c> writes a page fixture's settings by default (issue 54, Required 5: readers see nothing): one hidden
/// line, <c>&lt;!-- snippetcheck: page fixture: true, hiddenFences: [requiredcode] --&gt;</c> (<see cref="PageSettingsComment"/>),
/// just below the page's front matter, else at its top (below its first heading when a byte order mark leads the page).
/// GitHub and docs renderers show a front matter; no one shows a comment.
/// </summary>
internal static class PageSettingsEdit
{
    /// <summary>
    /// The insertion of <paramref name="settings"/>' comment; null where it cannot say them alone: an MDX page (no HTML
    /// comments), a page that has a page comment already, or a front matter that sets <c>snippetcheck:</c> or is never closed.
    /// </summary>
    public static TextEdit? Of(SourceDocument document, PageSettings settings)
    {
        if (document.IsMdx) return null;
        var extracted = DocumentExtractor.Extract(document);
        if (extracted.PageSettings is not null) return null;
        var map = document.Lines;
        var at = 0;
        if (extracted.FrontMatter is { } front)
        {
            if (front.Text.Contains(FrontMatterReader.Key, StringComparison.Ordinal)) return null;
            var closing = front.IsToml ? (string[])["+++"] : ["---", "..."];
            var close = Enumerable.Range(front.Location.Line + 1, Math.Max(0, map.LineCount - front.Location.Line))
                .FirstOrDefault(l => closing.Contains(map.Text(l).TrimEnd()));
            if (close == 0) return null;
            at = map.NextLineStart(close);
        }
        // A page that starts with a byte order mark keeps it on its first line: below an ATX heading there, the comment is one
        // added line in a diff, where at the top the mark would move to the comment's line and the heading show as changed.
        if (at == 0 && document.HasBom && map.LineCount > 1 && map.Text(1).StartsWith('#')) at = map.NextLineStart(1);
        var ending = BlockRewrite.LineEndingBefore(document.Text, at > 0 ? at : map.NextLineStart(1));
        // A front matter closed on the file's last line, with no line break after it, gets one before the comment.
        var before = at > 0 && at == document.Text.Length && document.Text[^1] is not '\n' ? ending : "";
        return new TextEdit(at, at, before + settings.Comment + ending);
    }
}
