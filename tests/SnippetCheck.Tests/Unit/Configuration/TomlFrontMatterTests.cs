using SnippetCheck.Configuration;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Markdown;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Configuration;

/// <summary>Hugo's TOML front matter (<c>+++</c>) is read like YAML front matter, and is never read as Markdown.</summary>
public sealed class TomlFrontMatterTests
{
    private static FrontMatterSettings Read(string markdown)
    {
        var extracted = Pipeline.Extract(markdown);
        return FrontMatterReader.Read("post.md", extracted.FrontMatter);
    }

    [Fact]
    public void Skip_in_TOML_front_matter_skips_the_file()
    {
        Assert.True(Read("+++\ntitle = \"Hugo\"\ndate = 2024-05-01T10:00:00Z\nsnippetcheck = \"skip\"\n+++\n\n# Post\n").Skip);
        Assert.False(Read("+++\ntitle = \"snippetcheck\"\n+++\n").Skip);
    }

    [Fact]
    public void A_snippetcheck_table_or_inline_table_holds_settings()
    {
        var table = Read("+++\r\ntitle = \"x\"\r\ntags = [\"a\", \"b\"]\r\n\r\n[snippetcheck]\r\nmode = \"all\"\r\ntimeout = \"2s\"\r\nusings = [\"System.Text\"]\r\nwarningLevel = 4\r\nstrictTags = true\r\n\r\n[params]\r\nmode = \"tagged\"\r\n+++\r\n");
        Assert.Equal(VerifyMode.All, table.Config!.Mode);
        Assert.Equal(TimeSpan.FromSeconds(2), table.Config.Timeout);
        Assert.Equal(["System.Text"], table.Config.Usings);
        Assert.Equal(4, table.Config.WarningLevel);
        Assert.True(table.Config.StrictTags);

        var inline = Read("+++\nsnippetcheck = { mode = \"all\", nullable = \"disable\" }\n+++\n");
        Assert.Equal(VerifyMode.All, inline.Config!.Mode);
    }

    [Fact]
    public void Errors_name_the_Markdown_line()
    {
        var unknown = Assert.Throws<ConfigException>(() => Read("+++\ntitle = \"x\"\n\n[snippetcheck]\nmoda = \"all\"\n+++\n"));
        Assert.Equal(5, unknown.Line);
        Assert.Contains("unknown key 'moda'; did you mean 'mode'?", unknown.Message);

        var invalid = Assert.Throws<ConfigException>(() => Read("+++\ntitle = \"x\"\nsnippetcheck = skip\n+++\n"));
        Assert.Equal(3, invalid.Line);
        Assert.StartsWith("front matter is not valid TOML", invalid.Message);

        var wrongShape = Assert.Throws<ConfigException>(() => Read("+++\nsnippetcheck = true\n+++\n"));
        Assert.Equal(2, wrongShape.Line);
    }

    [Fact]
    public void TOML_front_matter_is_never_read_as_Markdown_and_blocks_below_keep_their_lines()
    {
        var extracted = Pipeline.Extract("+++\ntitle = \"x\"\nsummary = '''\n```csharp\nfake();\n```\n'''\n+++\n\n```csharp\nreal();\n```\n");

        var fence = Assert.Single(extracted.Items.OfType<FencedBlock>());
        Assert.Equal((10, 1), (fence.Location.Line, fence.Location.Column));
        Assert.True(extracted.FrontMatter!.IsToml);
    }
}
