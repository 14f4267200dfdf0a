namespace SnippetCheck.Extraction;

/// <summary>
/// A heading of the page as Markdig reads it (ATX or setext, never a <c>#</c> line inside a fence): adoption reads what a
/// page is about from the headings a block stands under.
/// </summary>
/// <param name="Line">The heading's first line, 1-based.</param>
/// <param name="Level">1 for <c>#</c> (or a <c>===</c> underline) to 6.</param>
/// <param name="Text">The heading's text without its marks, inline markup as written.</param>
internal sealed record PageHeading(int Line, int Level, string Text);
