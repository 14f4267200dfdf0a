using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Hygiene;

/// <summary>
/// The README is a landing page that sends readers into docs/ (issue 58): every relative link in it and in docs/*.md
/// must reach a file that exists, and every <c>#anchor</c> into a Markdown file a heading of that file, by GitHub's
/// slug rules. Links in code are not links; absolute URLs are not checked (no network in tests).
/// </summary>
[Trait("Category", "Fast")]
public sealed partial class DocLinkTests
{
    private static readonly MarkdownPipeline Gfm = new MarkdownPipelineBuilder().UsePipeTables().Build();

    [Fact]
    public void Every_relative_link_and_anchor_in_the_readme_and_docs_resolves()
    {
        var documents = Directory.GetFiles(RepositoryRoot.PathOf("docs"), "*.md").Append(RepositoryRoot.PathOf("README.md")).ToList();
        Assert.True(documents.Count > 5, $"found only {documents.Count} documents under {RepositoryRoot.Path}");
        Assert.Empty(documents.SelectMany(BrokenLinks));
    }

    [Theory]
    [InlineData("Several .NETs: the framework matrix", "several-nets-the-framework-matrix")]
    [InlineData("`--accept`: fill in output blocks", "--accept-fill-in-output-blocks")]
    [InlineData("In your editor: `snippetcheck lsp`", "in-your-editor-snippetcheck-lsp")]
    [InlineData("The core's public surface", "the-cores-public-surface")]
    [InlineData("Hidden code → a *whole* folder", "hidden-code--a-whole-folder")]
    [InlineData("A [linked](x.md) heading_name", "a-linked-heading_name")]
    public void Slugs_follow_githubs_rules(string heading, string slug) =>
        Assert.Equal(slug, Slug(PlainText(global::Markdig.Markdown.Parse("# " + heading, Gfm).Descendants<HeadingBlock>().Single().Inline)));

    [Fact]
    public void A_missing_file_and_a_missing_anchor_are_both_found()
    {
        using var folder = new TempFolder();
        folder.Write("docs/a.md", "# A\n\n## Real heading\n\n[ok](#real-heading) [gone](b.md) [no](#unreal) [self](a.md#a) `[code](c.md)`\n");
        Assert.Equal(["docs/a.md(5,21): b.md: no such file", "docs/a.md(5,34): #unreal: no such heading in docs/a.md"],
            BrokenLinks(Path.Combine(folder.Path, "docs", "a.md"), folder.Path));
    }

    private static IEnumerable<string> BrokenLinks(string path) => BrokenLinks(path, RepositoryRoot.Path);

    private static List<string> BrokenLinks(string path, string root)
    {
        var name = Path.GetRelativePath(root, path).Replace('\\', '/');
        var broken = new List<string>();
        foreach (var link in global::Markdig.Markdown.Parse(File.ReadAllText(path), Gfm).Descendants<LinkInline>())
        {
            var url = link.Url ?? "";
            if (link.IsAutoLink || url.Length == 0 || UriScheme().IsMatch(url)) continue;
            var hash = url.IndexOf('#', StringComparison.Ordinal);
            var (file, anchor) = hash < 0 ? (url, null) : (url[..hash], Uri.UnescapeDataString(url[(hash + 1)..]));
            var target = file.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, Uri.UnescapeDataString(file)));
            var where = $"{name}({link.Line + 1},{link.Column + 1}): {url}";
            if (!File.Exists(target) && !Directory.Exists(target)) broken.Add($"{where}: no such file");
            else if (anchor is not null && target.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !AnchorsOf(target).Contains(anchor))
                broken.Add($"{where}: no such heading in {Path.GetRelativePath(root, target).Replace('\\', '/')}");
        }
        return broken;
    }

    /// <summary>The ids GitHub gives a file's headings: each heading's slug, a repeated one with <c>-1</c>, <c>-2</c>, ...</summary>
    private static HashSet<string> AnchorsOf(string path)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in global::Markdig.Markdown.Parse(File.ReadAllText(path), Gfm).Descendants<HeadingBlock>())
        {
            var slug = Slug(PlainText(heading.Inline));
            var count = seen.GetValueOrDefault(slug);
            seen[slug] = count + 1;
            anchors.Add(count == 0 ? slug : $"{slug}-{count}");
        }
        return anchors;
    }

    /// <summary>GitHub's rule: lower case; drop every character but letters, marks, digits, '_', '-' and spaces; spaces become '-'.</summary>
    private static string Slug(string text) => NotInSlug().Replace(text.ToLowerInvariant(), "").Replace(' ', '-');

    /// <summary>A heading's text as GitHub slugs it: code and link text kept, emphasis and HTML markup dropped.</summary>
    private static string PlainText(ContainerInline? inline)
    {
        var text = new StringBuilder();
        for (var child = inline?.FirstChild; child is not null; child = child.NextSibling)
        {
            text.Append(child switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                HtmlEntityInline entity => entity.Transcoded.ToString(),
                LineBreakInline => " ",
                ContainerInline container => PlainText(container),
                _ => "",
            });
        }
        return text.ToString();
    }

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex UriScheme();

    [GeneratedRegex(@"[^\p{L}\p{M}\p{N}_\- ]")]
    private static partial Regex NotInSlug();
}
