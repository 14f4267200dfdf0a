using SnippetCheck.Model;

namespace SnippetCheck.Extraction;

/// <summary>Something the extractor found, in document order.</summary>
internal interface DocumentItem
{
    /// <summary>Where it starts in the original file.</summary>
    SourceLocation Location { get; }
}
