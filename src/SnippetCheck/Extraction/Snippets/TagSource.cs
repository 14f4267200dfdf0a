using SnippetCheck.Model;

namespace SnippetCheck.Extraction.Snippets;

/// <summary>A run of tag words from one source, the info string or a comment, and where it stands.</summary>
internal readonly record struct TagSource(string Text, SourceLocation Location);
