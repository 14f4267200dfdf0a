using System.Net;
using System.Text;
using Markdig;
using Markdig.Syntax;

namespace SnippetCheck.Rendering;

/// <summary>
/// A document as a static web page (<c>render --site</c>): its <see cref="InPlaceCopy"/> converted by Markdig, which
/// passes the fragments through as raw HTML, as any Markdown engine would, with the stylesheet linked. What
/// <c>posts/</c> looks like published, and the page the browser test opens.
/// </summary>
internal static class SitePage
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().UseYamlFrontMatter().Build();

    /// <summary>The page, and its title (its first level-1 heading, else <paramref name="fallbackTitle"/>) for the index.</summary>
    /// <param name="stylesheet">The stylesheet's URL, relative to the page.</param>
    public static (string Title, string Html) Of(string markdown, string fallbackTitle, string stylesheet)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        var title = TitleOf(document, fallbackTitle);
        return (title, Page(title, stylesheet, document.ToHtml(Pipeline)));
    }

    /// <summary>The site's index: a link to every page, by title.</summary>
    public static string Index(IReadOnlyList<(string Title, string Href)> pages) =>
        Page("Verified posts", "snippetcheck.css",
            "<h1>Verified posts</h1>\n<ul>\n"
            + string.Concat(pages.Select(p => $"<li><a href=\"{WebUtility.HtmlEncode(p.Href)}\">{WebUtility.HtmlEncode(p.Title)}</a></li>\n"))
            + "</ul>\n");

    private static string TitleOf(MarkdownDocument document, string fallbackTitle) =>
        document.Descendants<HeadingBlock>().FirstOrDefault(h => h.Level == 1) is { Inline: { } inline }
            ? string.Concat(inline.Descendants<Markdig.Syntax.Inlines.LiteralInline>().Select(l => l.Content.ToString()))
            : fallbackTitle;

    private static string Page(string title, string stylesheet, string body) => new StringBuilder()
        .Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n")
        .Append("<link rel=\"stylesheet\" href=\"").Append(WebUtility.HtmlEncode(stylesheet)).Append("\">\n")
        // The page's own layout; the blocks' look is all in the stylesheet.
        .Append("<style>body{max-width:50rem;margin:0 " +
        "auto;padding:1rem;font-family:system-ui,sans-serif;line-height:1.55;color:#1f2328;background:#fff}")
        .Append("pre{overflow-x:auto}img{max-width:100%}table{display:block;overflow-x:auto}")
        .Append("@media (prefers-color-scheme: dark){body{color:#e6edf3;background:#0d1117}a{color:#58a6ff}}</style>\n")
        .Append("</head>\n<body>\n<main>\n").Append(body).Append("</main>\n</body>\n</html>\n")
        .ToString();
}
