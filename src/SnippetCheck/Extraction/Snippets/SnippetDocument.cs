using SnippetCheck.Model;

namespace SnippetCheck.Extraction.Snippets;

/// <summary>One Markdown file, read as snippets.</summary>
internal sealed record SnippetDocument(
    ExtractedDocument Source,
    IReadOnlyList<Snippet> Snippets,
    IReadOnlyList<Prelude> Preludes,
    IReadOnlyList<Diagnostic> FileDiagnostics)
{
    /// <summary>The file's path as reports show it.</summary>
    public string DisplayPath => Source.Document.DisplayPath;
}
