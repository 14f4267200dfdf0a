using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Extraction.Markdown;

/// <summary>
/// Every C# fence a reader sees is counted (issue 75, item 4): a fence indented under a block component (MDC's
/// <c>::name</c>, an admonition's <c>:::tip</c>, a JSX tag in a <c>.md</c> file) is read as the fence its renderer shows,
/// with its places in the file; an indented code block under prose stays indented code, as CommonMark reads it.
/// </summary>
public sealed class ComponentFenceTests
{
    private static SnippetDocument Read(string markdown) => Pipeline.Read(markdown, "post.md");

    [Fact]
    public void Fences_indented_inside_nested_MDC_components_are_read_with_their_places_and_output_blocks()
    {
        var read = Read("""
            # Caching

            ::tabs
              :::tabs-item{label="C#"}
                ```csharp run
                Console.WriteLine(1 + 1);
                ```

                ```output
                2
                ```
              :::
            ::
            """);

        var snippet = Assert.Single(read.Snippets);
        Assert.Equal((5, 5), (snippet.Location.Line, snippet.Location.Column));
        Assert.Equal(new CodeLine("Console.WriteLine(1 + 1);", 6, 5), snippet.Block.Lines[0]);
        Assert.Equal(SnippetKind.Run, snippet.Tags.Kind);
        Assert.Equal("2", snippet.Output!.Text);
        Assert.Equal("    ", snippet.Block.LinePrefix);
    }

    [Fact]
    public void A_fence_under_an_admonition_and_one_under_a_tag_are_read()
    {
        var read = Read(":::tip\n\n    ```cs\n    var a = 1;\n    ```\n\n:::\n\n<TabItem value=\"cs\">\n\n    ```cs compile\n    var b = 2;\n    ```\n\n</TabItem>\n");

        Assert.Equal(["3,5", "11,5"], read.Snippets.Select(s => $"{s.Location.Line},{s.Location.Column}"));
        Assert.Equal(["var a = 1;", "var b = 2;"], read.Snippets.Select(s => s.Block.Lines[0].Text));
    }

    [Fact]
    public void An_indented_code_block_under_prose_or_a_closed_component_stays_indented_code()
    {
        var read = Read("Run this:\n\n    ```cs\n    var a = 1;\n    ```\n\n::note\nText.\n::\n\nAnd this:\n\n    ```cs\n    var b = 2;\n    ```\n");

        Assert.Empty(read.Snippets);
    }

    [Fact]
    public void A_fence_Markdig_reads_inside_a_component_is_read_once()
    {
        var read = Read("::code-group\n  ```csharp\n  var a = 1;\n  ```\n  ```csharp\n  var b = 2;\n  ```\n::\n");

        Assert.Equal(["2,3", "5,3"], read.Snippets.Select(s => $"{s.Location.Line},{s.Location.Column}"));
    }
}
