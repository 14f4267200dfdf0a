using Microsoft.CodeAnalysis;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Compilation;

/// <summary>The document lines a block's body stands on.</summary>
/// <param name="Fence">The line of its opening fence, which names the block.</param>
internal sealed record FencedBlockLines(string File, int Fence, IReadOnlySet<int> Lines)
{
    /// <summary>The fence lines of <paramref name="snippet"/>, whose compiler notes render reads.</summary>
    public static FencedBlockLines Of(Snippet snippet) =>
        new(snippet.Location.File, snippet.Location.Line, snippet.Block.Lines.Select(l => l.Line).ToHashSet());
}
