using SnippetCheck.Model;

namespace SnippetCheck.Extraction.DocComments;

/// <summary>Where one documentation comment starts, and the namespace of what it documents (its examples get a using of it).</summary>
internal sealed record DocCommentStart(SourceLocation Location, string Namespace) : DocumentItem;
