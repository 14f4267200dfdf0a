using SnippetCheck.Authoring;
using SnippetCheck.Driver;
using SnippetCheck.Markdown;
using SnippetCheck.Results;

namespace SnippetCheck.Editing;

/// <summary>
/// Which untagged blocks would pass if tagged, and with which tag: the text is verified again with <c>run</c> added to
/// every untagged block, then <c>compile</c> for those that only declare types. A block is offered a tag only when
/// the verifier passed it with exactly that tag, so the fix never turns an untagged block into a failing one.
/// </summary>
public static class TagAdoption
{
    /// <summary>The tag each untagged block of <paramref name="document"/> passes with, by its opening line; blocks that pass with none are left out.</summary>
    public static async Task<IReadOnlyDictionary<int, string>> FindAsync(Verifier verifier, SourceDocument document,
        IReadOnlyList<SnippetResult> results, CancellationToken cancellationToken)
    {
        var untagged = results.Where(r => r.Status == SnippetStatus.Untagged && !r.Snippet.Block.Geometry.XmlEscaped).Select(r => r.Snippet).ToList();
        var adoptable = new Dictionary<int, string>();
        foreach (var tag in (string[])["run", "compile"])
        {
            var candidates = untagged.Where(s => !adoptable.ContainsKey(s.Location.Line)).ToList();
            if (candidates.Count == 0) break;
            var edits = candidates.Select(s => QuickFixes.AddTag(document, s, tag)!).SelectMany(f => f.Edits);
            // Adding a word to a fence line moves no line, so blocks are matched by their fence line.
            var lines = candidates.Select(s => s.Location.Line).ToHashSet();
            var report = await verifier.VerifyTextsAsync([new DocumentText(document.FullPath, TextEdit.Apply(document.Text, edits))], compileOnly: false, cancellationToken).ConfigureAwait(false);
            foreach (var result in report.Snippets.Where(r => lines.Contains(r.Location.Line) && r.Status == SnippetStatus.Passed))
                adoptable[result.Location.Line] = tag;
        }
        return adoptable;
    }
}
