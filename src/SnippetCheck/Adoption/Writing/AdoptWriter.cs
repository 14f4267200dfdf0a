using SnippetCheck.Adoption.Proposals;
using SnippetCheck.Configuration;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Markdown;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption.Writing;

/// <summary>
/// Writes <c>adopt</c>'s proposals into a post: a tag comment on a line of its own above each fence, with the fence's
/// container prefix, and nothing else changed; the tagged text must read back as exactly the proposed tags.
/// </summary>
internal static class AdoptWriter
{
    /// <summary>
    /// The prefix an inserted comment line takes. In Markdown: the fence's container prefix; null when that holds a list
    /// marker. In a doc comment: what stands before the <c>&lt;code&gt;</c> tag on its line (<c>    /// </c>,
    /// <c>     * </c>), so the tag comment is the line just before the element; null when the tag shares its line with
    /// anything else (<c>/// &lt;example&gt;&lt;code&gt;</c>, <c>/** &lt;code&gt;</c>), where a line above would not stand
    /// just before it.
    /// </summary>
    internal static string? CommentPrefix(FencedBlock block, SourceDocument document)
    {
        if (block.Geometry.XmlEscaped)
        {
            var lineStart = document.Lines.LineStart(block.Location.Line);
            var before = document.Text.AsSpan(lineStart, block.Location.Column - 1);
            var rest = before.TrimStart(" \t");
            if (rest.StartsWith("///") && !rest.StartsWith("////")) rest = rest[3..];
            else if (rest.StartsWith("*") && !rest.StartsWith("*/")) rest = rest[1..];
            else return null;
            return rest.TrimStart(" \t").Length == 0 ? before.ToString() : null;
        }
        var prefix = block.Geometry.LinePrefix;
        return BlockRewrite.ContinuationPrefix(prefix) == prefix ? prefix : null;
    }

    /// <summary>The invisible tag comment: an HTML comment in Markdown, a JSX comment in MDX (where HTML comments are not allowed).</summary>
    public static string TagComment(string path, string words) =>
        SourceDocument.IsMdxPath(path) ? $"{{/* snippetcheck: {words} */}}" : $"<!-- snippetcheck: {words} -->";

    /// <summary>Inserts the file's tag comments, which must read back as exactly the proposed tags (<see cref="DocumentRewriter"/>).</summary>
    /// <returns>Null when written; otherwise why not.</returns>
    public static string? Write(AdoptFile file) => DocumentRewriter.Rewrite(file.Document,
        current => Apply(current, file.Document, file.Proposals, file.Fixture),
        rewritten => ParsesBack(file.Document, rewritten, file.Proposals) && SettingsReadBack(file.Document, rewritten, file.Fixture),
        "the tagged file would not read back with exactly the proposed tags (please report it with the file)");

    /// <summary>
    /// Inserts, above each fence line, a line of its own: the fence's container prefix, the comment, and the fence
    /// line's own line ending; and the page's fixture settings into its front matter. No existing byte changes.
    /// </summary>
    internal static string Apply(string text, SourceDocument document, IReadOnlyList<AdoptProposal> proposals, PageSettings? settings = null) =>
        TextEdit.Apply(text,
            (settings is null || settings.Lines.Count == 0 ? [] : new[] { SettingsEdit(document, settings)! }).Concat(
                proposals.SelectMany(proposal => (IEnumerable<TextEdit>)[
            Insert(text, document, proposal.Snippet.Block, proposal.Words),
            .. proposal.Output is { } output ? [Insert(text, document, output, "output")] : Array.Empty<TextEdit>(),
            .. proposal.HiddenChecks.Count > 0 ? [AddChecks(text, document, proposal.Snippet.Block, proposal.HiddenChecks)]
            : Array.Empty<TextEdit>()])));

    /// <summary>
    /// The lines that give a page its fixture settings, as an insertion into its YAML front matter: under its
    /// <c>snippetcheck:</c> map (at the indent of the map's first line), else as that map before the closing
    /// <c>---</c>, else as a new front matter at the top of the page. Null where no insertion can say it alone: TOML
    /// front matter, a <c>snippetcheck:</c> key with a value on its line, or a map that already sets one of the keys.
    /// </summary>
    internal static TextEdit? SettingsEdit(SourceDocument document, PageSettings settings)
    {
        if (settings.InComment) return PageSettingsEdit.Of(document, settings);
        var text = document.Text;
        var map = document.Lines;
        string Block(string indent, string lineEnding) => string.Concat(settings.Lines.Select(l => indent + l + lineEnding));
        if (DocumentExtractor.Extract(document).FrontMatter is not { } front)
        {
            var ending = BlockRewrite.LineEndingBefore(text, map.NextLineStart(1));
            return new TextEdit(0, 0, "---" + ending + FrontMatterReader.Key + ":" + ending + Block("  ", ending) + "---" + ending);
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
            var entries = Enumerable.Range(line + 1, close - line - 1).Select(map.Text).TakeWhile(t => t.Length == 0 || t[0] is ' ' or '\t').ToList();
            if (entries.Any(e => e.TrimStart().StartsWith("fixture:", StringComparison.Ordinal)
                || e.TrimStart().StartsWith("hiddenFences:", StringComparison.Ordinal))) return null;
            var first = entries.FirstOrDefault(e => e.Trim().Length > 0);
            var indent = first is null ? "  " : first[..(first.Length - first.TrimStart().Length)];
            var at = map.NextLineStart(line);
            return new TextEdit(at, at, Block(indent, BlockRewrite.LineEndingBefore(text, at)));
        }
        var before = map.LineStart(close);
        var lineEnding = BlockRewrite.LineEndingBefore(text, before);
        return new TextEdit(before, before, FrontMatterReader.Key + ":" + lineEnding + Block("  ", lineEnding));
    }

    /// <summary>The rewritten page's front matter says what <paramref name="settings"/> asks: the fixture, and each hidden fence.</summary>
    private static bool SettingsReadBack(SourceDocument original, string rewritten, PageSettings? settings)
    {
        if (settings is null || settings.Lines.Count == 0) return true;
        var after = DocumentExtractor.Extract(SourceDocument.FromText(original.FullPath, original.DisplayPath, rewritten));
        try
        {
            var config = FrontMatterReader.ReadPage(original.DisplayPath, after).Config;
            return config is not null && (!settings.Fixture || config.Fixture == true) &&
                settings.HiddenFences.All(w => config.HiddenFences?.Contains(w, StringComparer.OrdinalIgnoreCase) == true);
        }
        catch (ConfigException)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether hidden checks can follow a doc-comment example on lines of their own: its tag line can stand before it,
    /// and its <c>&lt;/code&gt;</c> ends its line.
    /// </summary>
    internal static bool CanAddAfter(FencedBlock block, SourceDocument document)
    {
        if (!block.Geometry.XmlEscaped || CommentPrefix(block, document) is null || block.EndLine >= document.Lines.LineCount) return false;
        var start = document.Lines.LineStart(block.EndLine);
        var line = document.Text[start..document.Lines.ContentEnd(block.EndLine)];
        return line.TrimEnd().EndsWith("</code>", StringComparison.Ordinal);
    }

    /// <summary>
    /// The hidden <c>results</c> comment, on lines of its own after the example's <c>&lt;/code&gt;</c> line, each with the
    /// <c>&lt;code&gt;</c> line's prefix and line ending.
    /// </summary>
    private static TextEdit AddChecks(string text, SourceDocument document, FencedBlock block, IReadOnlyList<string> checks)
    {
        var prefix = CommentPrefix(block, document)!;
        var at = document.Lines.NextLineStart(block.EndLine);
        var lineEnding = at >= 2 && text[at - 2] == '\r' ? "\r\n" : "\n";
        var lines = new[] { "<!-- snippetcheck: results" }.Concat(checks).Append("-->");
        return new TextEdit(at, at, string.Concat(lines.Select(l => prefix + l + lineEnding)));
    }

    private static TextEdit Insert(string text, SourceDocument document, FencedBlock fence, string words)
    {
        var lineStart = document.Lines.LineStart(fence.Location.Line);
        // A doc comment's <code> line: its own ending, as a fence line's is the one before the body.
        var lineEnding = fence.Geometry.XmlEscaped
            ? text.IndexOf('\n', lineStart) is var end and > 0 && text[end - 1] == '\r' ? "\r\n" : "\n"
            : BlockRewrite.LineEndingBefore(text, fence.Geometry.BodyStart);
        return new TextEdit(lineStart, lineStart, CommentPrefix(fence, document) + TagComment(document.DisplayPath, words) + lineEnding);
    }

    /// <summary>
    /// The tagged file must hold the same fences (info strings and bodies), and read back with each proposed block
    /// tagged as proposed (its output block attached when one was proposed) and every other block as it was.
    /// </summary>
    private static bool ParsesBack(SourceDocument original, string rewritten, IReadOnlyList<AdoptProposal> proposals)
    {
        var before = DocumentExtractor.Extract(original);
        var after = DocumentExtractor.Extract(SourceDocument.FromText(original.FullPath, original.DisplayPath, rewritten));
        var fencesBefore = before.Items.OfType<FencedBlock>().ToList();
        var fencesAfter = after.Items.OfType<FencedBlock>().ToList();
        if (fencesBefore.Count != fencesAfter.Count) return false;
        for (var i = 0; i < fencesBefore.Count; i++)
        {
            if (fencesBefore[i].Info != fencesAfter[i].Info || fencesBefore[i].Arguments != fencesAfter[i].Arguments ||
                fencesBefore[i].Content != fencesAfter[i].Content || fencesBefore[i].Geometry.LinePrefix != fencesAfter[i].Geometry.LinePrefix)
            {
                return false;
            }
        }
        var snippetsBefore = SnippetReader.Read(before).Snippets;
        var snippetsAfter = SnippetReader.Read(after).Snippets;
        if (snippetsBefore.Count != snippetsAfter.Count) return false;
        var proposed = proposals.ToDictionary(p => p.Snippet.Location.Line);
        for (var i = 0; i < snippetsBefore.Count; i++)
        {
            var (old, now) = (snippetsBefore[i], snippetsAfter[i]);
            if (proposed.TryGetValue(old.Location.Line, out var proposal))
            {
                if (now.Tags.Kind != proposal.Kind || !now.Tags.ExpectedErrorIds.SequenceEqual(proposal.ExpectedErrorIds)
                    || now.Tags.Members != proposal.Members || now.Tags.Listing != proposal.Listing || now.Tags.Base != proposal.Base
                    || !now.Tags.Given.SequenceEqual(proposal.Given) || now.Tags.Results != (proposal.Results || proposal.HiddenChecks.Count > 0)
                    || !now.Tags.Usings.SequenceEqual(proposal.Usings)
                    || !now.Tags.Packages.Select(p => p.Key).SequenceEqual(proposal.Packages.Select(p => p.Key))
                    || now.Tags.Session != proposal.Session || now.Tags.WebSdk != proposal.WebSdk || now.HasAnnotationErrors
                    || (now.Output is null) != (proposal.Output is null) ||
                    (now.Output is { } output && output.Block.Content != proposal.Output!.Content))
                {
                    return false;
                }
            }
            else if (now.Tags.Original != old.Tags.Original || (now.Output is null) != (old.Output is null) || now.IsTagged != old.IsTagged)
            {
                return false;
            }
        }
        return true;
    }
}
