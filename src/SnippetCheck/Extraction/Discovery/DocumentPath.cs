namespace SnippetCheck.Extraction.Discovery;

/// <summary>A Markdown file to verify: where it is, and how users see its path.</summary>
internal sealed record DocumentPath(string FullPath, string DisplayPath);
