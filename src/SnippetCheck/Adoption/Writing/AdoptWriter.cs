using SnippetCheck.Adoption.Proposals;
using SnippetCheck.Configuration;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Markdown;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Editing;

namespace SnippetCheck.Adoption.Writing;

/// <summary>
/// Writes <c>adopt</c>'s proposals into a post: a tag comment on a line of its own above each fence, with the fence's
/// container prefix, and nothing else changed; the tagged text must read back as exactly the proposed tags.
/// </summary>
internal static class AdoptWriter
{
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
    /// line's own line ending; and the page's fixture settings where <see cref="PageSettingsPlace"/> puts them. No
    /// existing byte changes.
    /// </summary>
    internal static string Apply(string text, SourceDocument document, IReadOnlyList<AdoptProposal> proposals, PageSettings? settings = null)
    {
        IEnumerable<TextEdit> settingsEdits = settings is null || settings.Lines.Count == 0 ? [] : [SettingsEdit(document, settings)!];
        return TextEdit.Apply(text, settingsEdits.Concat(proposals.SelectMany(proposal => Edits(text, document, proposal))));
    }

    /// <summary>One proposal's edits: its tag comment, its output block's, and the hidden checks after it.</summary>
    private static IEnumerable<TextEdit> Edits(string text, SourceDocument document, AdoptProposal proposal)
    {
        yield return Insert(text, document, proposal.Snippet.Block, proposal.Words);
        if (proposal.Output is { } output) yield return Insert(text, document, output, "output");
        if (proposal.HiddenChecks.Count > 0) yield return AddChecks(text, document, proposal.Snippet.Block, proposal.HiddenChecks);
    }

    /// <summary>The page's fixture settings, inserted where <see cref="PageSettingsPlace"/> finds them a place; null where none.</summary>
    private static TextEdit? SettingsEdit(SourceDocument document, PageSettings settings) =>
        PageSettingsPlace.Of(document, settings) is { } insertion ? new TextEdit(insertion.At, insertion.At, insertion.Text) : null;

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
    /// The hidden <c>results</c> comment, on lines of its own after the example's <c>&lt;/code&gt;</c> line, each with the
    /// <c>&lt;code&gt;</c> line's prefix and line ending.
    /// </summary>
    private static TextEdit AddChecks(string text, SourceDocument document, FencedBlock block, IReadOnlyList<string> checks)
    {
        var prefix = PageLines.CommentPrefix(block, document)!;
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
            : PageLines.LineEndingBefore(text, fence.Geometry.BodyStart);
        var line = PageLines.CommentPrefix(fence, document) + TagComment(document.DisplayPath, words) + lineEnding;
        return new TextEdit(lineStart, lineStart, line);
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
                    || now.Tags.Members != proposal.Members || now.Tags.Listing != proposal.Listing
                    || now.Tags.StatementsFirst != proposal.StatementsFirst || now.Tags.Base != proposal.Base
                    || !now.Tags.Given.SequenceEqual(proposal.Given) || now.Tags.Results != (proposal.Results || proposal.HiddenChecks.Count > 0)
                    || !now.Tags.Usings.SequenceEqual(proposal.Usings)
                    || !now.Tags.Packages.Select(p => p.Key).SequenceEqual(proposal.Packages.Select(p => p.Key))
                    || now.Tags.Session != proposal.Session || now.Tags.WebSdk != proposal.WebSdk || now.HasAnnotationErrors
                    // The output block adopt proposes, or the author's own one (a block only its output block tagged).
                    || now.Output?.Block.Content != (proposal.Output?.Content ?? old.Output?.Block.Content))
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
