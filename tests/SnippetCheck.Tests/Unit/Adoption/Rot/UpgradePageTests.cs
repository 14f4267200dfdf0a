using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Adoption.Rot;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Markdown;

namespace SnippetCheck.Tests.Unit.Adoption.Rot;

/// <summary>
/// Which blocks stand on an upgrade guide (docs/authoring.md, "What adopt reports as rot"). Its title
/// says so (front matter or the page's <c>#</c> heading) though its sections are named after the API; a comment line
/// in a code block (<c># removed in 2.0</c> in a shell script) is no heading; a page whose title and headings say
/// nothing of it is no guide.
/// </summary>
public sealed class UpgradePageTests
{
    [Theory]
    [InlineData("---\ntitle: Breaking changes in 2.0\n---\n\n# Acme\n\n## Painting\n\nBefore:\n\n", true)]
    [InlineData("# Migrating from v1\n\n## Painting\n\n### Screens\n\nBefore:\n\n", true)]
    [InlineData("# What's new in 2.0\n\n## Painting\n\nBefore:\n\n", true)]
    [InlineData("# Getting started\n\n## Painting\n\nPaint a line:\n\n", false)]
    // A page that opens with a thematic break has no front matter: its headings are still read.
    [InlineData("---\n\n# Upgrading to 2.0\n\n## Painting\n\nBefore:\n\n", true)]
    // A sibling section before the block's own is not over it.
    [InlineData("# Acme\n\n## Upgrading\n\nSee the guide.\n\n## Painting\n\nPaint a line:\n\n", false)]
    // A setext heading is a heading, and a TOML title a title.
    [InlineData("Upgrading to 2.0\n================\n\n## Painting\n\nBefore:\n\n", true)]
    [InlineData("+++\ntitle = \"Breaking changes\"\n+++\n\n## Painting\n\nBefore:\n\n", true)]
    // A shell comment is no heading.
    [InlineData("# Acme\n\n## Painting\n\n```bash\n# removed in 2.0: the old CLI\nacme run\n```\n\nPaint a line:\n\n", false)]
    public void A_page_is_an_upgrade_guide_by_its_title_and_the_headings_the_block_stands_under(string before, bool isGuide)
    {
        var document = SourceDocument.FromText("/docs/page.md", "page.md", before + "```csharp\nScreen.Paint(\"old\");\n```\n");
        var page = FenceExtractor.Extract(document);
        var block = page.Items.OfType<FencedBlock>().Last();

        Assert.Equal(isGuide, PackageEvidence.PageSaysItIsGone(page, block));
    }

    [Theory]
    // Prose right after the block is about it; the next section's heading is not (Quartz's serialization page).
    [InlineData("This no longer compiles.\n", true)]
    [InlineData("## Migrating from binary serialization\n\nThere is a recipe.\n", false)]
    public void The_paragraph_after_a_block_is_read_but_not_the_next_sections_heading(string after, bool isGuide)
    {
        var document = SourceDocument.FromText("/docs/page.md", "page.md", "# Acme\n\n## Configuring\n\n```csharp\nScreen.Paint(\"old\");\n```\n\n" + after);
        var page = FenceExtractor.Extract(document);

        Assert.Equal(isGuide, PackageEvidence.PageSaysItIsGone(page, page.Items.OfType<FencedBlock>().Single()));
    }

    [Theory]
    [InlineData("Screen.Paint(string)", "Screen.Paint")]
    [InlineData("Acme.Gone.Screen.Paint<T>(T)", "Screen.Paint")]
    [InlineData("Acme.Gone.OldScreen", "Gone.OldScreen")]
    [InlineData("Cache<Dictionary<string, List<int>>>.Paint()", "Cache.Paint")]
    [InlineData("OldScreen", "OldScreen")]
    [InlineData("Screen.this[int]", null)]
    public void The_name_CS0619_quotes_is_a_member_of_its_type_or_a_type(string quoted, string? name) =>
        Assert.Equal(name, RemovedApiRot.ObsoleteName(quoted)?.ToString());

    [Theory]
    [InlineData("canvas.Clear();", 8, "canvas")]
    [InlineData("canvas.Clear();", 1, "canvas")]
    [InlineData("var items = app.Services.Build().Items;", 34, "app")]
    [InlineData("Screen.Paint(\"x\");", 1, "Screen")]
    [InlineData("Use(canvas?.Clear());", 13, "canvas")]
    [InlineData("Use(x + 1);", 9, null)]
    public void The_receiver_of_a_member_access_is_its_first_name(string line, int column, string? receiver) =>
        Assert.Equal(receiver, RemovedApiRot.ReceiverAt(line, column - 1));
}
