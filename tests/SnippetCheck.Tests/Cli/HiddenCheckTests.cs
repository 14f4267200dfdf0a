using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// Issue 44, item 2: hidden checks after a doc-comment example, in XML comments that IntelliSense, the XML doc file's
/// readers and DocFX never show: result lines run after the example (sequences compared by their elements) and hidden
/// expected output, shown by the CLI's verify. The prose claims <c>adopt</c> reads them from:
/// Unit/Extraction/DocComments/HiddenCheckTests.
/// </summary>
public sealed class HiddenCheckTests
{
    private static string Library(string example, string after) => $$"""
        /// <summary>Tens.</summary>
        /// <example>
        {{example}}
        {{after}}
        /// The <c>tens</c> variable yields 10 and 20.
        /// </example>
        public static class Tens { }
        """;

    private const string Example = "/// <code>\n/// var tens = new[] { 1, 2 }.Select(n => n * 10);\n/// Console.WriteLine(tens.Sum());\n/// </code>";

    private static CliResult Verify(string source)
    {
        using var folder = new TempFolder();
        folder.Write("Tens.cs", source);
        return CliRunner.Run(folder.Path, "verify", "Tens.cs", "--no-cache");
    }

    [Fact]
    public void Hidden_result_lines_run_after_the_example_and_compare_a_lazy_sequence_with_an_array_by_elements()
    {
        var run = Verify(Library(Example, "/// <!-- snippetcheck: results\n/// tens => new[] { 10, 20 }\n/// tens.Count() => 2\n/// -->\n/// <!-- snippetcheck: output\n/// 30\n/// -->"));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("1 passed, 0 failed, 0 ignored, 0 untagged", run.Stdout);
    }

    [Fact]
    public void A_hidden_result_line_that_does_not_hold_fails_at_its_own_line_with_both_sequences()
    {
        var run = Verify(Library(Example, "/// <!-- snippetcheck: results\n/// tens => new[] { 10, 30 }\n/// -->"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Tens.cs(8,10): tens is [10, 20], not [10, 30]", run.Stdout);
    }

    [Fact]
    public void Hidden_output_is_the_examples_output_block()
    {
        var run = Verify(Library(Example, "/// <!-- snippetcheck: output\n/// 31\n/// -->"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error SC2001: output differs", run.Stdout);
        Assert.Contains("- 31", run.Stdout);
        Assert.Contains("+ 30", run.Stdout);
    }

    [Fact]
    public void Accept_leaves_a_hidden_doc_comment_output_as_it_is_and_says_why()
    {
        using var folder = new TempFolder();
        var source = Library(Example, "/// <!-- snippetcheck: output\n/// 31\n/// -->");
        folder.Write("Tens.cs", source);

        var run = CliRunner.Run(folder.Path, "verify", "Tens.cs", "--no-cache", "--accept");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Tens.cs(7,5): not rewritten: a hidden output in a doc comment is not rewritten by --accept; update it by hand", run.Output);
        Assert.Equal(source, File.ReadAllText(Path.Combine(folder.Path, "Tens.cs")));
    }

    [Fact]
    public void Hidden_checks_on_an_example_that_never_runs_are_an_annotation_error_not_a_silent_pass()
    {
        var run = Verify(Library(Example.Replace("/// <code>", "/// <code snippetcheck=\"compile\">", StringComparison.Ordinal),
            "/// <!-- snippetcheck: results\n/// tens => new[] { 10, 30 }\n/// -->"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Tens.cs(8,5): error SC", run.Stdout);
        Assert.Contains("hidden result checks run after the example, but a 'compile' example never runs", run.Stdout);
    }

    [Fact]
    public void A_results_comment_with_no_example_before_it_is_an_error()
    {
        var run = Verify("/// <summary>Nothing.</summary>\n/// <!-- snippetcheck: results\n/// x => 1\n/// -->\npublic static class Nothing { }\n");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Tens.cs(2,5): error SC", run.Stdout);
        Assert.Contains("a hidden 'results' comment checks the doc-comment example before it in the same comment, and there is none", run.Stdout);
    }

}
