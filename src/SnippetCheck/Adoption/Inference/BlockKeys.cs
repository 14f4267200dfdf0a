using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption.Inference;

/// <summary>
/// How adopt's trials tell blocks apart: by file and fence line, whatever tags a trial gave the block, so a block's
/// results from every pass meet under one key.
/// </summary>
internal static class BlockKeys
{
    public static (string File, int Line) Key(Snippet snippet) => (snippet.Location.File, snippet.Location.Line);

    /// <summary>One result per block: the first, when a trial returned several.</summary>
    public static Dictionary<(string, int), SnippetResult> ByBlock(IReadOnlyList<SnippetResult> results) =>
        results.GroupBy(r => Key(r.Snippet)).ToDictionary(g => g.Key, g => g.First());
}
