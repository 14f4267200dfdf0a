using SnippetCheck.Model;

namespace SnippetCheck.Extraction;

/// <summary>
/// An HTML comment addressed to the tool: <c>&lt;!-- snippetcheck: WORDS</c> then, for a prelude, code lines.
/// </summary>
/// <param name="Location">Where the comment starts.</param>
/// <param name="Words">What follows <c>snippetcheck:</c> on the comment's first line.</param>
/// <param name="Body">The comment's further lines, up to <c>--&gt;</c>.</param>
internal sealed record DirectiveComment(SourceLocation Location, string Words, IReadOnlyList<CodeLine> Body) : DocumentItem
{
    /// <summary>Written as an MDX comment, <c>{/* snippetcheck: … */}</c>.</summary>
    public bool IsMdx { get; init; }

    /// <summary>For <c>snippetcheck: output</c>, the hidden output block the comment stands for when no fence follows it.</summary>
    public FencedBlock? HiddenOutput { get; init; }

    /// <summary>How the comment is written, for messages: <c>&lt;!-- snippetcheck: WORDS --&gt;</c> or the MDX form.</summary>
    public string Written => IsMdx ? $"{{/* snippetcheck: {Words} */}}" : $"<!-- snippetcheck: {Words} -->";

    /// <summary>The first of <see cref="Words"/> (<c>prelude</c>, <c>output</c>, a kind), or "" for an empty comment.</summary>
    public string FirstWord => Words.Split(' ', '\t', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";

    /// <summary>True for a <c>snippetcheck: prelude</c> comment, whose body is hidden code for the file or a session.</summary>
    public bool IsPrelude => FirstWord.Equals("prelude", StringComparison.OrdinalIgnoreCase);
}
