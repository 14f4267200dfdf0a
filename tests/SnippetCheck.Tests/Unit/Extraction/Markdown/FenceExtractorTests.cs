using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Markdown;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Extraction.Markdown;

public sealed class FenceExtractorTests
{
    private static List<FencedBlock> Fences(string markdown) => Pipeline.Extract(markdown).Items.OfType<FencedBlock>().ToList();

    [Fact]
    public void A_top_level_fence_is_located_at_its_opening_line_and_column()
    {
        var fence = Assert.Single(Fences("# Title\n\nText.\n\n```csharp run\nvar x = 1;\n```\n"));
        Assert.Equal((5, 1), (fence.Location.Line, fence.Location.Column));
        Assert.Equal("csharp", fence.Info);
        Assert.Equal("run", fence.Arguments);
        Assert.Equal(new CodeLine("var x = 1;", 6, 1), fence.Lines[0]);
        Assert.Equal(7, fence.EndLine);
    }

    [Fact]
    public void Headings_are_read_with_their_line_and_level_and_never_inside_a_fence()
    {
        var page = Pipeline.Extract("---\ntitle: T\n---\n# Acme *2.0* ##\n\n```bash\n# not a heading\n```\n\nSetup\n-----\n");
        Assert.Equal([new PageHeading(4, 1, "Acme *2.0*"), new PageHeading(10, 2, "Setup")], page.Headings);
    }

    [Fact]
    public void Fences_in_list_items_keep_their_indented_columns()
    {
        var fence = Assert.Single(Fences("1. Step one:\n\n   ```cs\n   Console.WriteLine(1);\n   ```\n"));
        Assert.Equal((3, 4), (fence.Location.Line, fence.Location.Column));
        Assert.Equal(new CodeLine("Console.WriteLine(1);", 4, 4), fence.Lines[0]);
        Assert.Equal("   ", fence.Geometry.LinePrefix);
    }

    [Fact]
    public void Fences_in_block_quotes_inside_lists_are_found()
    {
        var fence = Assert.Single(Fences("- item\n\n  > ```c#\n  > int a = 1;\n  > ```\n"));
        Assert.Equal((3, 5), (fence.Location.Line, fence.Location.Column));
        Assert.Equal(new CodeLine("int a = 1;", 4, 5), fence.Lines[0]);
    }

    [Fact]
    public void Crlf_bom_and_front_matter_do_not_shift_locations()
    {
        var document = SourceDocument.FromBytes("/x/post.md", "post.md", File.ReadAllBytes(Samples.PathOf("crlf-bom.md")));
        var extracted = FenceExtractor.Extract(document);
        var fence = Assert.Single(extracted.Items.OfType<FencedBlock>());
        Assert.True(document.HasBom);
        Assert.Equal((5, 1), (fence.Location.Line, fence.Location.Column));
        Assert.Equal("Console.WriteLine(undefinedName);", fence.Lines[0].Text);
        Assert.Equal("title: crlf", extracted.FrontMatter!.Text);
    }

    [Fact]
    public void Front_matter_dashes_are_never_read_as_markdown()
    {
        var fences = Fences("---\ntitle: x\nnote: |\n  ```csharp\n  fake\n  ```\n---\n\n```csharp\nreal();\n```\n");
        var fence = Assert.Single(fences);
        Assert.Equal("real();", fence.Lines[0].Text);
    }

    [Fact]
    public void Tilde_and_longer_fences_work_and_nested_fences_stay_content()
    {
        var fences = Fences("~~~~csharp\n```csharp\ninner\n```\n~~~~\n\n````md\n```csharp\nnot a snippet\n```\n````\n");
        Assert.Equal(2, fences.Count);
        Assert.Equal(["```csharp", "inner", "```"], fences[0].Lines.Select(l => l.Text));
        Assert.Equal(('~', 4), (fences[0].Geometry.FenceChar, fences[0].Geometry.FenceLength));
        Assert.Equal("md", fences[1].Info);
    }

    [Fact]
    public void Indented_code_blocks_are_not_fences()
    {
        Assert.Empty(Fences("Text:\n\n    var x = 1;\n    Console.WriteLine(x);\n"));
    }

    [Fact]
    public void A_directive_comment_just_before_a_fence_attaches_to_it()
    {
        var fence = Assert.Single(Fences("<!-- snippetcheck: run name=a -->\n\n```csharp\nx();\n```\n"));
        var comment = Assert.Single(fence.Comments);
        Assert.Equal("run name=a", comment.Words);
        Assert.Equal(1, comment.Location.Line);
    }

    [Fact]
    public void A_prelude_comment_keeps_its_code_lines_and_locations()
    {
        var items = Pipeline.Extract("Intro.\n\n<!-- snippetcheck: prelude session=s\nstatic int Twice(int x) => x * 2;\n-->\n").Items;
        var prelude = Assert.Single(items.OfType<DirectiveComment>());
        Assert.True(prelude.IsPrelude);
        Assert.Equal(new CodeLine("static int Twice(int x) => x * 2;", 4, 1), Assert.Single(prelude.Body));
    }

    [Fact]
    public void An_unterminated_fence_runs_to_the_end_and_says_so()
    {
        var fence = Assert.Single(Fences("```csharp\nvar a = 1;\nvar b = 2;\n"));
        Assert.False(fence.Geometry.IsClosed);
        Assert.Equal(2, fence.Lines.Count);
    }
}
