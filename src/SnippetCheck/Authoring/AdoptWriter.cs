using SnippetCheck.DocComments;
using SnippetCheck.Markdown;
using SnippetCheck.Snippets;

namespace SnippetCheck.Authoring;

/// <summary>
/// Writes <c>adopt</c>'s proposals into a post: a tag comment on a line of its own above each fence, with the fence's
/// container prefix, and nothing else changed; the tagged text must read back as exactly the proposed tags.
/// </summary>
internal static class AdoptWriter
{
    /// <summary>The prefix an inserted comment line takes: the fence's container prefix; null when that holds a list marker.</summary>
    internal static string? CommentPrefix(FencedBlock block)
    {
        var prefix = block.Geometry.LinePrefix;
        return BlockRewrite.ContinuationPrefix(prefix) == prefix ? prefix : null;
    }

    /// <summary>The invisible tag comment: an HTML comment in Markdown, a JSX comment in MDX (where HTML comments are not allowed).</summary>
    public static string TagComment(string path, string words) =>
        MdxSyntax.IsMdx(path) ? $"{{/* snippetcheck: {words} */}}" : $"<!-- snippetcheck: {words} -->";

    /// <summary>Inserts the file's tag comments, which must read back as exactly the proposed tags (<see cref="DocumentRewriter"/>).</summary>
    /// <returns>Null when written; otherwise why not.</returns>
    public static string? Write(AdoptFile file) => DocumentRewriter.Rewrite(file.Document,
        current => Apply(current, file.Document, file.Proposals), rewritten => ParsesBack(file.Document, rewritten, file.Proposals),
        "the tagged file would not read back with exactly the proposed tags (please report it with the file)");

    /// <summary>
    /// Inserts, above each fence line, a line of its own: the fence's container prefix, the comment, and the fence
    /// line's own line ending. No existing byte changes.
    /// </summary>
    internal static string Apply(string text, SourceDocument document, IReadOnlyList<AdoptProposal> proposals) =>
        TextEdit.Apply(text, proposals.SelectMany(proposal => (IEnumerable<TextEdit>)[
            Insert(text, document, proposal.Snippet.Block, proposal.Words),
            .. proposal.Output is { } output ? [Insert(text, document, output, "output")] : Array.Empty<TextEdit>()]));

    private static TextEdit Insert(string text, SourceDocument document, FencedBlock fence, string words)
    {
        var lineStart = document.Lines.LineStart(fence.Location.Line);
        var lineEnding = BlockRewrite.LineEndingBefore(text, fence.Geometry.BodyStart);
        return new TextEdit(lineStart, lineStart, CommentPrefix(fence) + TagComment(document.DisplayPath, words) + lineEnding);
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
                if (now.Tags.Kind != proposal.Kind || !now.Tags.ExpectedErrorIds.SequenceEqual(proposal.ExpectedErrorIds) || now.Tags.Members != proposal.Members || now.Tags.Results != proposal.Results || !now.Tags.Usings.SequenceEqual(proposal.Usings) || !now.Tags.Packages.Select(p => p.Key).SequenceEqual(proposal.Packages.Select(p => p.Key)) || now.Tags.Session != proposal.Session || now.HasAnnotationErrors || (now.Output is null) != (proposal.Output is null) ||
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
