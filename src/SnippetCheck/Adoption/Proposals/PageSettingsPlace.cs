using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Markdown;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Editing;

namespace SnippetCheck.Adoption.Proposals;

/// <summary>
/// Where a page fixture's settings go in its page: a hidden page comment by default (readers see
/// nothing), the front matter with <c>--front-matter</c>. The page fixture trial asks whether they fit before it proposes
/// the fixture; the writer inserts them there.
/// </summary>
internal static class PageSettingsPlace
{
    /// <summary>An insertion of <see cref="Text"/> at offset <see cref="At"/>; nothing of the page is replaced.</summary>
    internal readonly record struct Insertion(int At, string Text);

    /// <summary>Where <paramref name="settings"/> go: <see cref="InComment"/> or <see cref="InFrontMatter"/>, as they ask.</summary>
    public static Insertion? Of(SourceDocument document, PageSettings settings) =>
        settings.InComment ? InComment(document, settings) : InFrontMatter(document, settings);

    /// <summary>Whether the page's front matter can take a fixture's settings (<c>fixture:</c> and <c>hiddenFences:</c>).</summary>
    public static bool FrontMatterTakesFixture(SourceDocument document) =>
        InFrontMatter(document, new PageSettings(Fixture: true, HiddenFences: ["x"])) is not null;

    /// <summary>
    /// One hidden line, <c>&lt;!-- snippetcheck: page fixture: true, hiddenFences: [requiredcode] --&gt;</c>
    /// (<see cref="PageSettingsComment"/>), just below the page's front matter, else at its top (below its first heading
    /// when a byte order mark leads the page). GitHub and docs renderers show a front matter; no one shows a comment.
    /// Null where it cannot say them alone: an MDX page (no HTML comments), a page that has a page comment already, or a
    /// front matter that sets <c>snippetcheck:</c> or is never closed.
    /// </summary>
    public static Insertion? InComment(SourceDocument document, PageSettings settings)
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
        var ending = PageLines.LineEndingBefore(document.Text, at > 0 ? at : map.NextLineStart(1));
        // A front matter closed on the file's last line, with no line break after it, gets one before the comment.
        var before = at > 0 && at == document.Text.Length && document.Text[^1] is not '\n' ? ending : "";
        return new Insertion(at, before + settings.Comment + ending);
    }

    /// <summary>
    /// The lines that give a page its fixture settings, in its YAML front matter: under its <c>snippetcheck:</c> map (at
    /// the indent of the map's first line), else as that map before the closing <c>---</c>, else as a new front matter at
    /// the top of the page. Null where no insertion can say it alone: TOML front matter, a <c>snippetcheck:</c> key with a
    /// value on its line, or a map that already sets one of the keys.
    /// </summary>
    public static Insertion? InFrontMatter(SourceDocument document, PageSettings settings)
    {
        var text = document.Text;
        var map = document.Lines;
        string Block(string indent, string lineEnding) => string.Concat(settings.Lines.Select(l => indent + l + lineEnding));
        if (DocumentExtractor.Extract(document).FrontMatter is not { } front)
        {
            var ending = PageLines.LineEndingBefore(text, map.NextLineStart(1));
            return new Insertion(0, "---" + ending + FrontMatterReader.Key + ":" + ending + Block("  ", ending) + "---" + ending);
        }
        if (front.IsToml) return null;
        var close = Enumerable.Range(front.Location.Line + 1, Math.Max(0, map.LineCount - front.Location.Line))
            .FirstOrDefault(l => map.Text(l).TrimEnd() is "---" or "...");
        if (close == 0) return null;
        for (var line = front.Location.Line + 1; line < close; line++)
        {
            var key = map.Text(line);
            if (!key.StartsWith(FrontMatterReader.Key + ":", StringComparison.Ordinal)) continue;
            if (key[(FrontMatterReader.Key.Length + 1)..].Trim().Length > 0) return null;
            var entries = Enumerable.Range(line + 1, close - line - 1).Select(map.Text).TakeWhile(IsBlankOrIndented).ToList();
            if (entries.Any(e => SetsKey(e, "fixture") || SetsKey(e, "hiddenFences"))) return null;
            var first = entries.FirstOrDefault(e => e.Trim().Length > 0);
            var indent = first is null ? "  " : first[..(first.Length - first.TrimStart().Length)];
            var at = map.NextLineStart(line);
            return new Insertion(at, Block(indent, PageLines.LineEndingBefore(text, at)));
        }
        var before = map.LineStart(close);
        var lineEnding = PageLines.LineEndingBefore(text, before);
        return new Insertion(before, FrontMatterReader.Key + ":" + lineEnding + Block("  ", lineEnding));
    }

    /// <summary>A line inside the <c>snippetcheck:</c> map: blank, or indented.</summary>
    private static bool IsBlankOrIndented(string line) => line.Length == 0 || line[0] is ' ' or '\t';

    /// <summary>Whether a line of the <c>snippetcheck:</c> map sets <paramref name="key"/>.</summary>
    private static bool SetsKey(string entry, string key) => entry.TrimStart().StartsWith(key + ":", StringComparison.Ordinal);
}
