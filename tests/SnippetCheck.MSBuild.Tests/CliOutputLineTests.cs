namespace SnippetCheck.MSBuild.Tests;

/// <summary>How the task reads each line the CLI prints (the console format of README.md#command-line).</summary>
public sealed class CliOutputLineTests
{
    [Fact]
    public void A_failure_line_gives_file_line_column_code_and_message()
    {
        var line = CliOutputLine.Parse("posts/a (draft).md(12,5): error CS0103: The name 'x' does not exist [compile-error]");

        Assert.Equal(CliLineKind.Error, line.Kind);
        Assert.Equal("posts/a (draft).md", line.File);
        Assert.Equal((12, 5), (line.Line, line.Column));
        Assert.Equal("CS0103", line.Code);
        Assert.Equal("The name 'x' does not exist [compile-error]", line.Text);
    }

    [Fact]
    public void A_warning_line_stays_a_warning()
    {
        var line = CliOutputLine.Parse(@"C:\blog\post.md(3,1): warning SC1009: 'title=""x""' is not a SnippetCheck tag");

        Assert.Equal(CliLineKind.Warning, line.Kind);
        Assert.Equal(@"C:\blog\post.md", line.File);
        Assert.Equal("SC1009", line.Code);
    }

    [Fact]
    public void A_tool_error_keeps_the_place_at_fault_when_it_names_one()
    {
        var located = CliOutputLine.Parse("snippetcheck: error SC3001: snippetcheck.json(1,3): unknown key 'bogus'");
        var unlocated = CliOutputLine.Parse("snippetcheck: error SC3004: no Markdown files matched");

        Assert.Equal((CliLineKind.ToolError, "snippetcheck.json", 1, 3, "SC3001", "unknown key 'bogus'"),
            (located.Kind, located.File, located.Line, located.Column, located.Code, located.Text));
        Assert.Equal((CliLineKind.ToolError, null, 0, "SC3004", "no Markdown files matched"),
            (unlocated.Kind, unlocated.File, unlocated.Line, unlocated.Code, unlocated.Text));
    }

    [Fact]
    public void A_bad_argument_is_a_tool_error_without_a_code()
    {
        var line = CliOutputLine.Parse("snippetcheck: --timeout 'soon' is not a duration (write 500ms, 10s or 2m)");

        Assert.Equal((CliLineKind.ToolError, null, "--timeout 'soon' is not a duration (write 500ms, 10s or 2m)"),
            (line.Kind, line.Code, line.Text));
    }

    [Theory]
    [InlineData("    - {expected}", "Detail")]
    [InlineData("    post.md(7,32): error CS0103: repeated in the detail", "Detail")]
    [InlineData("\tat Program.Main()", "Detail")]
    [InlineData("1 passed, 1 failed, 0 ignored, 0 untagged (2 C# blocks in 1 file) in 1.2s", "Other")]
    [InlineData("post.md: error without a position", "Other")]
    [InlineData("Run 'snippetcheck --help' for usage.", "Other")]
    [InlineData("snippetcheck: warning SC9999: not a failure", "Other")]
    public void Indented_lines_are_detail_and_the_rest_is_other(string text, string kind)
    {
        Assert.Equal(Enum.Parse<CliLineKind>(kind), CliOutputLine.Parse(text).Kind);
    }
}
