using SnippetCheck.Adoption;
using SnippetCheck.Driver;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Results;
using SnippetCheck.Editing;

namespace SnippetCheck.Editor;

/// <summary>What trying a document's untagged blocks found, each keyed by the block's opening line.</summary>
/// <param name="Adoptable">The tag each block passes with; blocks that pass with none are left out.</param>
/// <param name="Rot">The evidence that a block is broken rather than incomplete, as <c>adopt</c> lists it (its <c>Block</c> set).</param>
public sealed record UntaggedTrial(IReadOnlyDictionary<int, string> Adoptable, IReadOnlyDictionary<int, SuspectedRot> Rot);

/// <summary>
/// Which untagged blocks would pass if tagged, and with which tag: the text is verified again with <c>run</c> added to
/// every untagged block, then <c>compile</c> for those that only declare types. A block is offered a tag only when
/// the verifier passed it with exactly that tag, so the fix never turns an untagged block into a failing one. A block
/// that fails as <c>run</c> is read for the evidence of rot <c>adopt</c> reports (docs/authoring.md).
/// </summary>
public static class TagAdoption
{
    /// <summary>Tries each untagged block of <paramref name="document"/> with a tag.</summary>
    public static async Task<UntaggedTrial> FindAsync(VerifierSession session, SourceDocument document,
        IReadOnlyList<SnippetResult> results, CancellationToken cancellationToken)
    {
        var untagged = results.Where(r => r.Verdict is Verdict.Untagged && !r.Snippet.IsXmlEscaped).Select(r => r.Snippet).ToList();
        var adoptable = new Dictionary<int, string>();
        var rot = new Dictionary<int, SuspectedRot>();
        foreach (var kind in (SnippetKind[])[SnippetKind.Run, SnippetKind.Compile])
        {
            var tag = Snippet.TagOf(kind);
            var candidates = untagged.Where(s => !adoptable.ContainsKey(s.Location.Line)).ToList();
            if (candidates.Count == 0) break;
            var edits = candidates.Select(s => QuickFixes.AddTag(document, s, tag)!).SelectMany(f => f.Edits);
            // Adding a word to a fence line moves no line, so blocks are matched by their fence line.
            var byLine = candidates.ToDictionary(s => s.Location.Line);
            var report = await session.VerifyAsync(document.FullPath, TextEdit.Apply(document.Text, edits), cancellationToken).ConfigureAwait(false);
            foreach (var result in report.Snippets.Where(r => byLine.ContainsKey(r.Location.Line)))
            {
                if (result.Verdict is Verdict.Passed or Verdict.Checked) adoptable[result.Location.Line] = tag;
                // As 'run' a block shows every kind of evidence: its compile errors, and a throw the prose does not announce.
                else if (kind == SnippetKind.Run && AdoptReport.SuspectedRotOf(document, byLine[result.Location.Line], result) is { } found)
                    rot[result.Location.Line] = found with { Block = found.Block ?? result.Location };
            }
        }
        return new UntaggedTrial(adoptable, rot);
    }
}
