using SnippetCheck.Model;

namespace SnippetCheck.Extraction.Markdown;

/// <summary>
/// A page's settings in a hidden comment (readers see nothing): <c>&lt;!-- snippetcheck: page fixture:
/// true, hiddenFences: [requiredcode] --&gt;</c> says what a front matter's <c>snippetcheck:</c> map would, with the same keys,
/// where neither GitHub nor a docs renderer shows it (GitHub shows a front matter as a table, some renderers as a heading).
/// Its words are a YAML flow map without its braces, on the comment's one line; a page has one such comment at most.
/// </summary>
internal static class PageSettingsComment
{
    /// <summary>The comment's first word.</summary>
    public const string Word = "page";

    /// <summary>True for a <c>snippetcheck: page</c> comment: the page's settings, hidden from readers.</summary>
    public static bool Marks(DirectiveComment comment) => comment.FirstWord.Equals(Word, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The comment as a front matter of one line, <c>snippetcheck: {…}</c>, located so that its line is the comment's; null
    /// (with an error) when the page already has one, or when the comment runs over more lines than its first.
    /// </summary>
    public static FrontMatter? Read(DirectiveComment comment, FrontMatter? earlier, List<Diagnostic> diagnostics)
    {
        var problem = earlier is not null ? $"a page has one '{Word}' comment; this one repeats the one at line {earlier.Location.Line + 1}"
            : comment.Body.Count > 0 ? $"write the page's settings on the comment's one line: {comment.Written.Split('\n')[0].Trim()} -->"
            : null;
        if (problem is not null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BadComment, problem, comment.Location));
            return earlier;
        }
        var settings = comment.Words.Trim()[Word.Length..].Trim();
        // The YAML's first line is the comment's: the front matter's opening line stands one above it.
        return new FrontMatter($"{FrontMatterReader.Key}: {{{settings}}}", comment.Location with { Line = comment.Location.Line - 1 });
    }
}
