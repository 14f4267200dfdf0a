using SnippetCheck.Extraction.DocComments;
using SnippetCheck.Extraction.Markdown;

namespace SnippetCheck.Extraction.Snippets;

/// <summary>
/// Picks the extractor by the file's kind: a C# source file's examples live in its doc comments, everything else is
/// read as Markdown. Both hand back the same blocks and comments, so everything after extraction is shared.
/// </summary>
internal static class DocumentExtractor
{
    internal static bool IsCSharpSource(string path) => path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);

    /// <summary>The fences, comments and front matter of a Markdown or MDX file, or the examples of a C# file's doc comments.</summary>
    public static ExtractedDocument Extract(SourceDocument document) =>
        IsCSharpSource(document.FullPath) ? DocCommentExtractor.Extract(document) : FenceExtractor.Extract(document);
}
