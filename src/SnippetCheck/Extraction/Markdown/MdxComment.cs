namespace SnippetCheck.Extraction.Markdown;

/// <summary>An MDX comment, <c>{/* … */}</c>, outside code.</summary>
/// <param name="Start">Offset of the opening <c>{</c>.</param>
/// <param name="CloseStart">Offset of the closing <c>*/</c>; -1 when the comment is never closed.</param>
/// <param name="End">Offset just past the closing <c>}</c> (the end of the text when never closed).</param>
internal sealed record MdxComment(int Start, int CloseStart, int End);
