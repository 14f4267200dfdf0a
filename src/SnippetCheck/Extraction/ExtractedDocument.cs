using SnippetCheck.Model;

namespace SnippetCheck.Extraction;

/// <summary>Everything the extractor found in one file.</summary>
/// <param name="Diagnostics">Problems with the file as a whole: bytes that are not UTF-8, Markdown the parser gave up on, a misspelt comment
/// marker.</param>
internal sealed record ExtractedDocument(
    SourceDocument Document, FrontMatter? FrontMatter, IReadOnlyList<DocumentItem> Items, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>
    /// The page's settings written in a hidden <c>&lt;!-- snippetcheck: page … --&gt;</c> comment, as a front matter of one
    /// <c>snippetcheck:</c> line (<c>PageSettingsComment</c>); null when the page has none.
    /// </summary>
    public FrontMatter? PageSettings { get; init; }

    /// <summary>The page's headings in order (none for doc comments).</summary>
    public IReadOnlyList<PageHeading> Headings { get; init; } = [];

    /// <summary>
    /// The front matter (YAML or TOML), the hidden page settings and every <c>snippetcheck:</c> comment (preludes among them) as
    /// the document's own reader found them, in Markdown, MDX or doc comments alike: what a block's run depends on beyond it.
    /// </summary>
    public string RunContext =>
        string.Join('\u0003', [FrontMatter?.Text ?? "", PageSettings?.Text ?? "",
            .. Items.OfType<DirectiveComment>().Select(c => c.Words + "\u0004" + string.Join('\n', c.Body.Select(l => l.Text)))]);
}
