using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Markdown;
using SnippetCheck.Model;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Extraction.Markdown;

/// <summary>
/// MDX (Docusaurus, Next.js): imports, exports and JSX are never code, <c>{/* snippetcheck: … */}</c> comments tag the
/// fence below them, and fences inside JSX components keep their exact lines and columns.
/// </summary>
public sealed class MdxTests
{
    private static SnippetCheck.Extraction.Snippets.SnippetDocument Read(string mdx) => Pipeline.Read(mdx, "post.mdx");

    [Fact]
    public void The_Docusaurus_sample_yields_its_CSharp_blocks_at_their_exact_positions_with_their_tags()
    {
        var read = Read(File.ReadAllText(Samples.PathOf("docusaurus.mdx")));

        Assert.Empty(read.FileDiagnostics);
        Assert.Equal(
            [
                "16,1 run name=lists output@21",
                "29,1 run output@34",
                "41,3 compile -",
                "51,1 - -",
            ],
            read.Snippets.Select(s => $"{s.Location.Line},{s.Location.Column} {(s.Tags.Original.Length > 0 ? s.Tags.Original : "-")} {(s.Output is { } o ? $"output@{o.Block.Location.Line}" : "-")}"));
        // The fence indented inside <TabItem> keeps its columns, line by line.
        Assert.Equal(new CodeLine("object o = 42;", 42, 3), read.Snippets[2].Block.Lines[0]);
        // The hidden output, read from the MDX comment.
        Assert.Equal("square", read.Snippets[1].Output!.Text);
        Assert.Equal("title: Pattern matching in C# 14\nauthors: [ada]\ntags: [csharp]", read.Source.FrontMatter!.Text);
    }

    [Fact]
    public void Imports_exports_and_JSX_are_never_read_as_blocks_or_comments()
    {
        var extracted = Pipeline.Extract(File.ReadAllText(Samples.PathOf("docusaurus.mdx")), "post.mdx");

        var fences = extracted.Items.OfType<FencedBlock>().ToList();
        // A jsx fence holding an import, a tag and an MDX comment is code, and stays exactly as written.
        var jsx = Assert.Single(fences, f => f.Info == "jsx");
        Assert.Equal("import Tabs from '@theme/Tabs';\n<Tabs>{/* snippetcheck: run */}</Tabs>", jsx.Content);
        Assert.DoesNotContain(extracted.Items, i => i is DirectiveComment);
        Assert.Equal(7, fences.Count);
    }

    [Fact]
    public void A_fence_indented_two_or_four_spaces_inside_a_component_is_read_as_the_fence_MDX_sees()
    {
        var read = Read("<Tabs>\n  <TabItem value=\"a\">\n\n  {/* snippetcheck: compile */}\n  ```cs\n  int x = 1;\n  ```\n\n  </TabItem>\n  <TabItem value=\"b\">\n\n    {/* snippetcheck: run */}\n    ```cs\n    int y = 2;\n    ```\n\n  </TabItem>\n</Tabs>\n");

        Assert.Equal(2, read.Snippets.Count);
        var (two, four) = (read.Snippets[0], read.Snippets[1]);
        Assert.Equal((5, 3), (two.Location.Line, two.Location.Column));
        Assert.Equal(new CodeLine("int x = 1;", 6, 3), two.Block.Lines[0]);
        Assert.Equal(SnippetCheck.Extraction.Snippets.SnippetKind.Compile, two.Tags.Kind);
        // MDX has no indented code: the four spaces are the component's layout, and the comment above tags it.
        Assert.Equal((13, 5), (four.Location.Line, four.Location.Column));
        Assert.Equal(new CodeLine("int y = 2;", 14, 5), four.Block.Lines[0]);
        Assert.Equal(SnippetCheck.Extraction.Snippets.SnippetKind.Run, four.Tags.Kind);
        Assert.Empty(read.FileDiagnostics);
    }

    [Fact]
    public void A_fence_directly_below_a_component_tag_is_found()
    {
        var read = Read("<TabItem value=\"cs\">\n```cs\nint x = 1;\n```\n</TabItem>\n");

        Assert.Equal((2, 1), (read.Snippets.Single().Location.Line, read.Snippets.Single().Location.Column));
    }

    [Fact]
    public void A_multi_line_component_tag_and_a_multi_line_export_are_blanked_whole()
    {
        var read = Read("export const x = {\n  a: 1,\n\n};\n\n<TabItem\n  value=\"cs\"\n  label={\"C# > VB\"}>\n\n```cs\nint y = 2;\n```\n\n</TabItem>\n");

        // The export ends at its blank line (as MDX reads it), so '};' is prose; the tag's '>' inside braces is skipped.
        Assert.Equal(10, read.Snippets.Single().Location.Line);
    }

    [Fact]
    public void An_import_directly_above_a_fence_does_not_swallow_it()
    {
        var read = Read("import A from 'a';\n```cs\nint x = 1;\n```\n");

        Assert.Equal((2, 1), (read.Snippets.Single().Location.Line, read.Snippets.Single().Location.Column));
    }

    [Fact]
    public void A_prelude_in_an_MDX_comment_keeps_its_blank_lines_and_code_lines()
    {
        var read = Read("{/* snippetcheck: prelude\nusing System.Text;\n\n# pragma warning disable CS0168\nstatic string Greet() => \"hi\";\n*/}\n\n{/* snippetcheck: run */}\n```cs\nConsole.WriteLine(Greet());\n```\n");

        var prelude = Assert.Single(read.Preludes);
        Assert.Equal((1, 1), (prelude.Comment.Location.Line, prelude.Comment.Location.Column));
        Assert.Equal(["using System.Text;", "", "# pragma warning disable CS0168", "static string Greet() => \"hi\";"], prelude.Lines.Select(l => l.Text));
        Assert.Equal([2, 3, 4, 5], prelude.Lines.Select(l => l.Line));
        Assert.Equal(SnippetCheck.Extraction.Snippets.SnippetKind.Run, read.Snippets.Single().Tags.Kind);
    }

    [Fact]
    public void A_comment_separated_from_the_fence_by_a_component_tag_does_not_tag_it_and_says_so()
    {
        var read = Read("{/* snippetcheck: run */}\n<TabItem value=\"cs\">\n\n```cs\nint x = 1;\n```\n\n</TabItem>\n");

        Assert.False(read.Snippets.Single().IsTagged);
        var error = Assert.Single(read.FileDiagnostics);
        Assert.Equal(DiagnosticCodes.BadComment, error.Id);
        Assert.Equal((1, 1), (error.Location.Line, error.Location.Column));
        Assert.Equal("'{/* snippetcheck: run */}' is not followed by a fenced code block", error.Message);
    }

    [Fact]
    public void A_misspelt_or_unclosed_MDX_comment_is_an_error_in_MDX_form()
    {
        var misspelt = Read("{/* snipetcheck: run */}\n```cs\nint x = 1;\n```\n");
        Assert.Equal("'{/* snipetcheck: run */}' looks meant for SnippetCheck; write '{/* snippetcheck: ... */}'", misspelt.FileDiagnostics.Single().Message);

        var unclosed = Read("text\n\n  {/* snippetcheck: prelude\nusing System;\n");
        var error = unclosed.FileDiagnostics.Single(d => d.Id == DiagnosticCodes.BadComment);
        Assert.Equal((3, 3), (error.Location.Line, error.Location.Column));
        Assert.Contains("never closed with '*/}'", error.Message);
    }

    [Fact]
    public void HTML_comments_still_tag_fences_in_MDX_files_and_MDX_comments_mean_nothing_in_Markdown()
    {
        Assert.Equal(SnippetCheck.Extraction.Snippets.SnippetKind.Run, Read("<!-- snippetcheck: run -->\n```cs\nint x = 1;\n```\n").Snippets.Single().Tags.Kind);

        var markdown = Pipeline.Read("{/* snippetcheck: run */}\n```cs\nint x = 1;\n```\n", "post.md");
        Assert.False(markdown.Snippets.Single().IsTagged);
    }

    [Fact]
    public void Masking_keeps_every_offset_and_line_break()
    {
        var text = "---\ntitle: x\n---\r\nimport A from 'a';\r\n\r\n<A b=\"1\">\r\n{/* snippetcheck: run\r\n*/}\r\n```cs\r\n<A/>\r\n```\r\n</A>\r\n";

        var masked = MdxSyntax.Mask(text).MaskedText;

        Assert.Equal(text.Length, masked.Length);
        Assert.Equal(text.Select((c, i) => c is '\r' or '\n' ? i : -1).Where(i => i >= 0), masked.Select((c, i) => c is '\r' or '\n' ? i : -1).Where(i => i >= 0));
        Assert.Equal("---\ntitle: x\n---\r\n", masked[..18]);
        Assert.Contains("```cs\r\n<A/>\r\n```", masked);
        Assert.DoesNotContain("import", masked);
        Assert.DoesNotContain("snippetcheck", masked);
        Assert.DoesNotContain("</A>", masked);
    }

    [Fact]
    public void Unclosed_tags_stop_at_a_blank_line_and_a_file_of_them_reads_in_linear_time()
    {
        var read = Read("<Tabs value=\"x\n\n```cs\nint x = 1;\n```\n");
        Assert.Equal(3, read.Snippets.Single().Location.Line);

        var hostile = string.Concat(Enumerable.Repeat("<a b=\"\n\n", 100_000)) + "```cs\nint y = 2;\n```\n";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var many = Read(hostile);
        Assert.Equal(200_001, many.Snippets.Single().Location.Line);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }
}
