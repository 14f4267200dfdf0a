using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Extraction.Snippets;

public sealed class SnippetReaderTests
{
    [Fact]
    public void An_output_block_attaches_to_the_nearest_csharp_block_before_it_across_prose()
    {
        var document = Pipeline.Read("```cs\nA();\n```\n\nIt prints:\n\n```text output\nhi\n```\n");
        var snippet = Assert.Single(document.Snippets);
        Assert.Equal("hi", snippet.Output!.Text);
        Assert.True(snippet.IsTagged);
        Assert.Equal(SnippetKind.Run, snippet.Kind);
    }

    [Fact]
    public void An_output_block_with_no_csharp_block_before_it_is_a_file_error()
    {
        var document = Pipeline.Read("Intro\n\n```output\nhi\n```\n");
        var error = Assert.Single(document.FileDiagnostics);
        Assert.Equal((DiagnosticCodes.OrphanOutput, 3), (error.Id, error.Location.Line));
    }

    [Fact]
    public void A_second_output_block_is_an_annotation_error_on_the_snippet()
    {
        var snippet = Assert.Single(Pipeline.Read("```cs\nA();\n```\n```output\na\n```\n```output\nb\n```\n").Snippets);
        Assert.Contains(snippet.Annotations, d => d.Id == DiagnosticCodes.SecondOutput && d.Location.Line == 7);
    }

    [Fact]
    public void An_output_block_belongs_to_the_last_csharp_block_only()
    {
        var snippets = Pipeline.Read("```cs\nA();\n```\n```cs\nB();\n```\n```output\nb\n```\n").Snippets;
        Assert.Null(snippets[0].Output);
        Assert.False(snippets[0].IsTagged);
        Assert.Equal("b", snippets[1].Output!.Text);
    }

    [Fact]
    public void An_output_block_after_a_block_of_another_language_is_that_blocks_and_no_csharp_blocks()
    {
        // Npgsql's 6.0 release notes: a C# block, then a SQL query and its result in an ```output fence, three times. The
        // results were paired with the C# block 100 lines above (SC1008, a second output block), so verify ran and failed a
        // block its author never tagged, and adopt, taking it for tagged, never looked at it.
        var document = Pipeline.Read("```cs\nA();\n```\n\n```sql\nSELECT 1;\n```\n\n```output\n 1\n```\n\n```sql\nSELECT 2;\n```\n" +
            "\n```output\n 2\n```\n");
        var snippet = Assert.Single(document.Snippets);
        Assert.Null(snippet.Output);
        Assert.False(snippet.IsTagged);
        Assert.Empty(snippet.Annotations);
        Assert.Empty(document.FileDiagnostics);

        // Markup of the tool's own still says whose output a fence is.
        var marked = Assert.Single(Pipeline.Read("```cs\nA();\n```\n```sql\nSELECT 1;\n```\n<!-- snippetcheck: output -->\n```\nb\n```\n").Snippets);
        Assert.Equal("b", marked.Output!.Text);
    }

    [Fact]
    public void Stdin_and_output_modes_are_read()
    {
        var snippet = Assert.Single(Pipeline.Read("```cs\nA();\n```\n```stdin\n1 2\n```\n```output ellipsis\n...\n```\n").Snippets);
        Assert.Equal("1 2", snippet.Stdin!.Content);
        Assert.Equal(OutputMatchMode.Ellipsis, snippet.Output!.Mode);
    }

    [Fact]
    public void A_comment_can_mark_any_fence_as_output()
    {
        var snippet = Assert.Single(Pipeline.Read("```cs\nA();\n```\n<!-- snippetcheck: output unordered -->\n```\nb\na\n```\n").Snippets);
        Assert.Equal(OutputMatchMode.Unordered, snippet.Output!.Mode);
    }

    [Fact]
    public void Comment_and_info_string_tags_merge()
    {
        var snippet = Assert.Single(Pipeline.Read("<!-- snippetcheck: timeout=2s -->\n```csharp name=x\nA();\n```\n").Snippets);
        Assert.Equal(("x", TimeSpan.FromSeconds(2)), (snippet.Tags.Name, snippet.Tags.Timeout));
    }

    [Fact]
    public void A_duplicate_name_in_one_file_is_an_annotation_error()
    {
        var snippets = Pipeline.Read("```cs name=a\nA();\n```\n```cs name=a\nB();\n```\n").Snippets;
        Assert.False(snippets[0].HasAnnotationErrors);
        Assert.Contains(snippets[1].Annotations, d => d.Id == DiagnosticCodes.DuplicateName);
    }

    [Theory]
    [InlineData("csharp")]
    [InlineData("CS")]
    [InlineData("C#")]
    [InlineData("csharp:Program.cs")]
    public void Csharp_is_recognised_by_any_of_its_names(string language)
    {
        Assert.Single(Pipeline.Read($"```{language}\nA();\n```\n").Snippets);
    }

    [Fact]
    public void Other_languages_are_not_snippets_and_untagged_blocks_are_kept()
    {
        var document = Pipeline.Read("```bash\nls\n```\n```bash:run.sh\nls\n```\n```csharp:xmldocid\nT:Docs.Example\n```\n```csharp\nA();\n```\n");
        var snippet = Assert.Single(document.Snippets);
        Assert.False(snippet.IsTagged);
    }

    [Fact]
    public void A_directive_comment_not_followed_by_a_fence_is_reported_not_lost()
    {
        var error = Assert.Single(Pipeline.Read("<!-- snippetcheck: run -->\n\nSome prose.\n").FileDiagnostics);
        Assert.Equal(DiagnosticCodes.BadComment, error.Id);
    }
}

public sealed class RealWorldQuirkTests
{
    [Fact]
    public void Try_dotnet_option_values_are_never_read_as_tags()
    {
        var document = Pipeline.Read("```cs --region output --source-file Program.cs --session run\n```\n");
        var snippet = Assert.Single(document.Snippets);
        Assert.Null(snippet.Tags.Kind);
        Assert.False(snippet.IsTagged);
        Assert.Equal(["--region output", "--source-file Program.cs", "--session run"], snippet.Tags.ForeignAttributes);
    }

    [Fact]
    public void A_named_hidden_fence_in_an_html_comment_is_a_prelude_at_its_own_lines_and_others_stay_comments()
    {
        const string Markdown = "# Docs\n\n<!--\n```requiredcode\nIGreeter greeter;\n```\n\n```other\nint ignored;\n```\n-->\n\n```csharp\ngreeter.Greet();\n```\n";
        var extracted = Pipeline.Extract(Markdown);

        var named = SnippetReader.Read(extracted, hiddenFences: ["RequiredCode"]);
        var unnamed = SnippetReader.Read(extracted);

        var prelude = Assert.Single(named.Preludes);
        Assert.Equal([("IGreeter greeter;", 5, 1)], prelude.Lines.Select(l => (l.Text, l.Line, l.Column)));
        Assert.Empty(unnamed.Preludes);
        Assert.Single(named.Snippets);
    }

    [Fact]
    public void Empty_fences_are_read_without_trouble()
    {
        var document = Pipeline.Read("```cs\n```\n\n```output\n```\n");
        Assert.Equal("", Assert.Single(document.Snippets).Output!.Text);
    }

    [Theory]
    [InlineData("<!-- snippetcheck run -->")]
    [InlineData("<!-- snipetcheck: run -->")]
    [InlineData("<!-- SnippetChek: run -->")]
    public void A_misspelt_comment_marker_is_reported_not_ignored(string comment)
    {
        var document = Pipeline.Read(comment + "\n```cs\nA();\n```\n");
        var error = Assert.Single(document.FileDiagnostics);
        Assert.Equal((DiagnosticCodes.BadComment, 1), (error.Id, error.Location.Line));
        Assert.False(Assert.Single(document.Snippets).IsTagged);
    }
}
