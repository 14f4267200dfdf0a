using SnippetCheck.Configuration;

namespace SnippetCheck.Extraction.Markdown;

/// <summary>What a post's front matter says to the tool.</summary>
/// <param name="Skip">True for <c>snippetcheck: skip</c>.</param>
internal sealed record FrontMatterSettings(SnippetCheckConfig? Config, bool Skip);
