using SnippetCheck.Model;

namespace SnippetCheck.Extraction;

/// <summary>
/// An HTML comment that looks meant for the tool but is misspelt (<c>&lt;!-- snipetcheck: run --&gt;</c>): reported, never ignored.
/// </summary>
/// <param name="Text">The comment's first line, after <c>&lt;!--</c>.</param>
internal sealed record MisspeltComment(SourceLocation Location, string Text) : DocumentItem
{
    /// <summary>Written as an MDX comment, <c>{/* … */}</c>.</summary>
    public bool IsMdx { get; init; }
}
