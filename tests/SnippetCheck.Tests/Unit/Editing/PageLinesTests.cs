using SnippetCheck.Editing;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Markdown;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Editing;

/// <summary>
/// How a line the tool adds fits its page (<see cref="PageLines"/>), how an output block's body is replaced
/// (<see cref="BlockRewrite"/>) and how a page is written back (<see cref="DocumentRewriter"/>), on page text alone: the
/// container prefix and line ending a line takes, whether a block has a line for a tag at all, and that every byte outside
/// the edits stays. No run: <c>--accept</c>'s whole path is OutputAcceptorTests'.
/// </summary>
public sealed class PageLinesTests
{
    private static (SourceDocument Page, FencedBlock Block) First(string text, string file = "post.md")
    {
        var page = SourceDocument.FromText(Path.GetFullPath(file), file, text);
        return (page, FenceExtractor.Extract(page).Items.OfType<FencedBlock>().First());
    }

    [Theory]
    [InlineData("```csharp\nx();\n```\n", "")]
    [InlineData("> ```csharp\n> x();\n> ```\n", "> ")]
    [InlineData("> > ```csharp\n> > x();\n> > ```\n", "> > ")]
    [InlineData("- ```csharp\n  x();\n  ```\n", null)]
    [InlineData("1. text\n\n   ```csharp\n   x();\n   ```\n", "   ")]
    public void A_tag_line_takes_the_fences_container_prefix_and_a_list_marker_leaves_no_line_for_it(string text, string? prefix)
    {
        var (page, block) = First(text);

        Assert.Equal(prefix, PageLines.CommentPrefix(block, page));
        Assert.Equal(prefix is not null, PageLines.CanTag(block, page));
    }

    [Theory]
    [InlineData("- ", "  ")]
    [InlineData("> 1. ", ">    ")]
    [InlineData(">  * ", ">    ")]
    [InlineData("", "")]
    public void A_continuation_keeps_quote_markers_and_turns_list_markers_into_spaces(string prefix, string continuation) =>
        Assert.Equal(continuation, PageLines.ContinuationPrefix(prefix));

    [Theory]
    [InlineData("a\r\nb", 3, "\r\n")]
    [InlineData("a\nb", 2, "\n")]
    [InlineData("a\rb", 2, "\r")]
    [InlineData("ab", 0, "\n")]
    public void A_line_takes_the_ending_of_the_line_before_it(string text, int lineStart, string ending) =>
        Assert.Equal(ending, PageLines.LineEndingBefore(text, lineStart));

    [Fact]
    public void An_output_blocks_new_body_keeps_the_quote_prefix_and_line_endings_and_a_fence_inside_lengthens_both_fences()
    {
        const string text = "# P\r\n\r\n> ```text\r\n> old\r\n> ```\r\n";
        var (page, block) = First(text);

        var plain = BlockRewrite.Plan(page, block, "new\n\nlines")!;
        var fenced = BlockRewrite.Plan(page, block, "```\ninside")!;

        Assert.Equal("# P\r\n\r\n> ```text\r\n> new\r\n>\r\n> lines\r\n> ```\r\n", TextEdit.Apply(text, plain.Edits));
        Assert.Equal(4, fenced.NewFenceLength);
        Assert.Equal("# P\r\n\r\n> ````text\r\n> ```\r\n> inside\r\n> ````\r\n", TextEdit.Apply(text, fenced.Edits));
    }

    [Fact]
    public void A_rewrite_keeps_the_byte_order_mark_and_refuses_a_text_that_does_not_read_back()
    {
        using var folder = new TempFolder();
        var path = folder.Write("post.md", "");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "# P\n"u8]);
        var page = SourceDocument.Load(path, "post.md");

        Assert.Equal("no", DocumentRewriter.Rewrite(page, t => t + "more\n", _ => false, "no"));
        Assert.Equal([0xEF, 0xBB, 0xBF, .. "# P\n"u8], File.ReadAllBytes(path));
        Assert.Null(DocumentRewriter.Rewrite(page, t => t + "more\n", _ => true, "no"));
        Assert.Equal([0xEF, 0xBB, 0xBF, .. "# P\nmore\n"u8], File.ReadAllBytes(path));
    }
}
