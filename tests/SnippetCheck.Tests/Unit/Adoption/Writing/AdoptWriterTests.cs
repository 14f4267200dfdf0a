using SnippetCheck.Adoption.Proposals;
using SnippetCheck.Adoption.Writing;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Markdown;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Adoption.Writing;

/// <summary>
/// <c>adopt --write</c>'s page edits (<see cref="AdoptWriter"/>): a tag comment on a line of its own above each proposed
/// fence, in the fence's container and line ending, and not one other byte changed; the file is written only when it
/// reads back with exactly the proposed tags and is still the bytes adopt read.
/// </summary>
public sealed class AdoptWriterTests
{
    private static (SourceDocument Page, IReadOnlyList<Snippet> Blocks) Read(string text, string file = "post.md")
    {
        var page = SourceDocument.FromText(Path.GetFullPath(file), file, text);
        return (page, SnippetReader.Read(FenceExtractor.Extract(page)).Snippets);
    }

    [Fact]
    public void The_tag_is_an_html_comment_in_markdown_and_a_jsx_comment_in_mdx_output_block_included()
    {
        const string mdx = "import Tabs from '@theme/Tabs';\n\n```csharp\nConsole.WriteLine(\"mdx\");\n```\n\n```text\nmdx\n```\n";
        var (page, blocks) = Read(mdx, "post.mdx");
        var output = FenceExtractor.Extract(page).Items.OfType<FencedBlock>().Last();

        Assert.Equal("<!-- snippetcheck: compile -->", AdoptWriter.TagComment("docs/post.md", "compile"));
        Assert.Equal("{/* snippetcheck: compile */}", AdoptWriter.TagComment("docs/post.mdx", "compile"));
        Assert.Equal("import Tabs from '@theme/Tabs';\n\n{/* snippetcheck: run */}\n```csharp\nConsole.WriteLine(\"mdx\");\n```\n\n"
            + "{/* snippetcheck: output */}\n```text\nmdx\n```\n", AdoptWriter.Apply(mdx, page, [new(blocks[0], SnippetKind.Run, output)]));
    }

    /// <summary>A fence on a list marker's line has no line above it in its list item: adopt proposes no tag it could not write.</summary>
    [Fact]
    public async Task A_passing_fence_on_a_list_marker_line_is_left_untagged_and_the_note_says_why()
    {
        var page = AdoptionHarness.Page("- ```csharp\n  class OnTheMarkerLine { }\n  ```\n", "list.md");

        var file = Assert.Single(await AdoptionHarness.ProposeAsync(new CannedTrials(s => CannedTrials.Passed(s)), page));

        Assert.Empty(file.Proposals);
        Assert.Contains("list.md(1,3): passes, but left untagged: its fence shares its line with a list marker, so no comment line can stand "
            + "above it in the same list item", file.Notes.Select(n => n.ToString()));
    }

    [Fact]
    public void A_tag_line_takes_the_fences_quote_prefix_and_line_ending_and_nothing_else_changes()
    {
        const string text = "# P\r\n\r\n> ```csharp\r\n> var x = 1;\r\n> ```\r\n\r\n```csharp\r\nvar y = 2;\r\n```\r\n";
        var (page, blocks) = Read(text);

        var tagged = AdoptWriter.Apply(text, page, [new(blocks[0], SnippetKind.Compile, null), new(blocks[1], SnippetKind.Run, null)]);

        Assert.Equal("# P\r\n\r\n> <!-- snippetcheck: compile -->\r\n> ```csharp\r\n> var x = 1;\r\n> ```\r\n\r\n"
            + "<!-- snippetcheck: run -->\r\n```csharp\r\nvar y = 2;\r\n```\r\n", tagged);
    }

    [Fact]
    public void A_proposed_output_block_is_tagged_output_and_a_fixtures_settings_go_where_the_page_takes_them()
    {
        const string text = "# P\n\n```csharp\nConsole.WriteLine(1);\n```\n\n```text\n1\n```\n";
        var (page, blocks) = Read(text);
        var output = FenceExtractor.Extract(page).Items.OfType<FencedBlock>().Last();

        var tagged = AdoptWriter.Apply(text, page, [new(blocks[0], SnippetKind.Run, output)],
            new PageSettings(Fixture: true, HiddenFences: []) { InComment = true });

        Assert.Equal("<!-- snippetcheck: page fixture: true -->\n# P\n\n<!-- snippetcheck: run -->\n```csharp\nConsole.WriteLine(1);\n```\n\n"
            + "<!-- snippetcheck: output -->\n```text\n1\n```\n", tagged);
    }

    [Fact]
    public void Write_puts_the_tags_in_the_file_and_refuses_a_file_that_changed_since_it_was_read()
    {
        using var folder = new TempFolder();
        const string text = "# P\n\n```csharp\nvar x = 1;\n```\n";
        var path = folder.Write("post.md", text);
        var page = SourceDocument.FromText(path, "post.md", text);
        var block = SnippetReader.Read(FenceExtractor.Extract(page)).Snippets[0];
        var file = new AdoptFile(page, 1, [new(block, SnippetKind.Compile, null)], [], []);

        Assert.Null(AdoptWriter.Write(file));
        Assert.Equal("# P\n\n<!-- snippetcheck: compile -->\n```csharp\nvar x = 1;\n```\n", File.ReadAllText(path));

        // The page now holds the tag: the same proposal, written again from what adopt read before, is refused.
        Assert.Equal("the file changed since it was verified; run again to accept", AdoptWriter.Write(file));
    }

    [Fact]
    public void Write_refuses_tags_that_would_not_read_back_as_proposed()
    {
        using var folder = new TempFolder();
        const string text = "# P\n\n```csharp\nvar x = 1;\n```\n";
        var path = folder.Write("post.md", text);
        var page = SourceDocument.FromText(path, "post.md", text);
        var block = SnippetReader.Read(FenceExtractor.Extract(page)).Snippets[0];
        // 'given=' of a name with no type reads back as no given at all: the tagged page would not say what was proposed.
        var file = new AdoptFile(page, 1, [new(block, SnippetKind.Compile, null) { Given = ["x"] }], [], []);

        Assert.Equal("the tagged file would not read back with exactly the proposed tags (please report it with the file)", AdoptWriter.Write(file));
        Assert.Equal(text, File.ReadAllText(path));
    }
}
