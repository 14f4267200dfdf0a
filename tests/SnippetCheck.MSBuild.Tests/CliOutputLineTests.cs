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

    [Fact]
    public void Each_failures_detail_lines_stay_with_it_and_never_go_to_the_next_failure()
    {
        // The CLI's console output for a library (docs/doctests.md): a timeout with no detail, then an exception with
        // its stack trace, then an inaccessible type with its hint, then a missing member with none.
        string[] output =
        [
            "Calc.cs(9,9): error SC2008: did not finish within 1s; killed with its process tree [timeout]",
            "Calc.cs(16,9): error SC2003: unhandled exception System.FormatException: bad [exception]",
            "    System.FormatException: bad",
            "       at Lib.Calc.Parse(String text) in /src/Lib/Calc.cs:line 40",
            "Calc.cs(23,27): error CS0122: 'Secret' is inaccessible due to its protection level [compile-error]",
            "    hint: an example in a doc comment uses the library as its users do",
            "Calc.cs(30,32): error CS0117: 'Calc' does not contain a definition for 'Hidden' [compile-error]",
            "4 failed (4 C# blocks in 1 file) in 2.0s",
        ];
        var reader = new CliMessageReader();

        var completed = output.Select(reader.Add).ToList();
        completed.Add(reader.Finish());
        var messages = completed.OfType<CliMessage>().ToList();

        Assert.Equal(
            [
                ("SC2008", ""),
                ("SC2003", "    System.FormatException: bad|       at Lib.Calc.Parse(String text) in /src/Lib/Calc.cs:line 40"),
                ("CS0122", "    hint: an example in a doc comment uses the library as its users do"),
                ("CS0117", ""),
                (null, ""),
            ],
            messages.Select(m => (m.Header.Code, string.Join("|", m.Details))));
        Assert.Equal("4 failed (4 C# blocks in 1 file) in 2.0s", messages[^1].Header.Original);
    }

    [Fact]
    public void An_errors_details_go_into_its_message_up_to_a_limit()
    {
        var stack = Enumerable.Range(1, CliMessageLogger.DetailLinesInError + 3).Select(i => $"   at Frame{i}()  ").ToList();

        var message = CliMessageLogger.WithDetails("unhandled exception", stack).Split(Environment.NewLine);

        Assert.Equal("unhandled exception", message[0]);
        Assert.Equal("   at Frame1()", message[1]);
        Assert.Equal($"   at Frame{CliMessageLogger.DetailLinesInError}()", message[CliMessageLogger.DetailLinesInError]);
        Assert.Equal("    ... (3 more lines at -v:n)", message[^1]);
        Assert.Equal("no detail", CliMessageLogger.WithDetails("no detail", []));
    }

    [Theory]
    [InlineData("/repo/README.md(7,1): accepted output for the snippet at line 3", "../../README.md(7,1): accepted output for the snippet at line 3")]
    [InlineData("/repo/src/Lib/docs/a (draft).md(9,1): not rewritten: ellipsis", "docs/a (draft).md(9,1): not rewritten: ellipsis")]
    [InlineData("Calc.cs(11,9): accepted output for the snippet at line 8", "Calc.cs(11,9): accepted output for the snippet at line 8")]
    [InlineData("--accept: 2 output blocks rewritten in 2 files", "--accept: 2 output blocks rewritten in 2 files")]
    public void A_note_at_a_place_names_its_file_relative_to_the_project_folder_as_the_cli_does_below_it(string printed, string shown)
    {
        Assert.Equal(shown, CliOutputLine.Parse(printed).WithFileRelativeTo("/repo/src/Lib"));
    }
}
