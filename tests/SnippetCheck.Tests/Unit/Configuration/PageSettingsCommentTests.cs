using SnippetCheck.Configuration;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Markdown;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Configuration;

/// <summary>
/// Issue 54, Required 5 (readers see nothing): a page's settings may stand in a hidden one-line comment,
/// <c>&lt;!-- snippetcheck: page fixture: true, hiddenFences: [requiredcode] --&gt;</c>, read as its front matter's
/// <c>snippetcheck:</c> map would be; one place says them, so a second comment or a front matter that says them too is an error.
/// </summary>
public sealed class PageSettingsCommentTests
{
    private static FrontMatterSettings Read(string markdown) => FrontMatterReader.ReadPage("page.md", Pipeline.Extract(markdown));

    [Fact]
    public void A_page_comment_below_the_front_matter_holds_the_pages_settings_and_tags_no_block()
    {
        var markdown = "---\ntitle: Callbacks\n---\n<!-- snippetcheck: page fixture: true, hiddenFences: [requiredcode] -->\n\n```csharp\nrun();\n```\n";

        var settings = Read(markdown);

        Assert.True(settings.Config!.Fixture);
        Assert.Equal(["requiredcode"], settings.Config.HiddenFences);
        var extracted = Pipeline.Extract(markdown);
        Assert.Empty(extracted.Diagnostics);
        Assert.Empty(extracted.Items.OfType<DirectiveComment>());
        Assert.Empty(Assert.Single(extracted.Items.OfType<FencedBlock>()).Comments);
    }

    [Fact]
    public void Errors_name_the_comments_line_and_one_place_says_the_settings()
    {
        var unknown = Assert.Throws<ConfigException>(() => Read("# Page\n\n<!-- snippetcheck: page fixtur: true -->\n"));
        Assert.Equal(3, unknown.Line);
        Assert.Contains("unknown key 'fixtur'", unknown.Message, StringComparison.Ordinal);

        var both = Assert.Throws<ConfigException>(() => Read("---\nsnippetcheck:\n  timeout: 2s\n---\n<!-- snippetcheck: page fixture: true -->\n"));
        Assert.Equal(5, both.Line);
        Assert.Contains("keep one", both.Message, StringComparison.Ordinal);

        var twice = Pipeline.Extract("<!-- snippetcheck: page fixture: true -->\n\n<!-- snippetcheck: page fixture: false -->\n");
        var error = Assert.Single(twice.Diagnostics);
        Assert.Equal(3, error.Location.Line);
        Assert.Contains("repeats the one at line 1", error.Message, StringComparison.Ordinal);
        Assert.True(FrontMatterReader.ReadPage("page.md", twice).Config!.Fixture);
    }
}
