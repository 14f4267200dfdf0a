using SnippetCheck.Model;

namespace SnippetCheck.Extraction.Snippets;

/// <summary>A project a snippet references with <c>#:project PATH</c>; the path is relative to the Markdown file.</summary>
internal sealed record ProjectRequest(string Path, SourceLocation Location);
