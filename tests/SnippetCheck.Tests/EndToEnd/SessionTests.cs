using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

public sealed class SessionRunFixture() : SampleRunFixture("sessions.md");

public sealed class SessionTests(SessionRunFixture run) : IClassFixture<SessionRunFixture>
{
    [Theory]
    [InlineData("open", "passed", null)]
    [InlineData("type", "passed", null)]
    [InlineData("use", "passed", null)]
    [InlineData("lone", "passed", null)]
    [InlineData("boom-1", "passed", null)]
    [InlineData("boom-2", "failed", "exception")]
    [InlineData("boom-3", "skipped", null)]
    [InlineData("broken-1", "skipped", null)]
    [InlineData("broken-2", "failed", "compile-error")]
    [InlineData("broken-3", "skipped", null)]
    [InlineData("slow-1", "passed", null)]
    [InlineData("slow-2", "failed", "timeout")]
    [InlineData("slow-3", "skipped", null)]
    public void Each_block_of_a_session_gets_its_own_verdict(string name, string status, string? reason)
    {
        var snippet = run.Report.Snippet(name);
        Assert.Equal((status, reason), (snippet.Str("status"), snippet.Str("reason")));
    }

    [Fact]
    public void Each_output_block_is_matched_against_what_its_own_block_printed()
    {
        Assert.Equal("10.00\n", run.Report.Snippet("open").Str("actualOutput"));
        Assert.Equal("[log] owner=alice\n12.50\n", run.Report.Snippet("use").Str("actualOutput"));
    }

    [Fact]
    public void A_compile_fail_block_is_checked_against_the_session_so_far_and_left_out()
    {
        var compileFail = run.Report.SnippetAt(39);
        Assert.Equal(("compile-fail", "passed"), (compileFail.Str("kind"), compileFail.Str("status")));
        Assert.Equal("ignored", run.Report.SnippetAt(26).Str("status"));
    }

    [Fact]
    public void A_compile_error_is_reported_at_its_own_markdown_line()
    {
        var diagnostic = run.Report.Snippet("broken-2").GetProperty("diagnostics").EnumerateArray().First(d => d.Str("severity") == "error");
        Assert.Equal(("CS0103", 80, 23), (diagnostic.Str("id"), diagnostic.Int("line"), diagnostic.Int("column")));
        Assert.Contains("sessions.md(80,23): error CS0103:", run.Result.Stdout);
    }

    [Fact]
    public void Blocks_after_a_throw_are_skipped_and_say_why()
    {
        Assert.Contains("line 64", run.Report.Snippet("boom-3").Str("message"));
        Assert.Contains("in block two", run.Report.Snippet("boom-2").Str("message"));
    }
}

public sealed class PreludeAndUntaggedTests
{
    [Fact]
    public void Errors_inside_a_prelude_are_reported_at_the_prelude_lines()
    {
        using var folder = new TempFolder();
        folder.CopySample("prelude-error.md");
        var result = CliRunner.Run(folder.Path, "verify", "prelude-error.md");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("prelude-error.md(4,32): error CS0103: The name 'two' does not exist", result.Stdout);
    }

    [Fact]
    public void Untagged_blocks_are_counted_but_only_verified_with_all()
    {
        using var folder = new TempFolder();
        folder.CopySample("untagged.md");
        var tagged = CliRunner.Run(folder.Path, "verify", "untagged.md");
        Assert.Equal(0, tagged.ExitCode);
        Assert.StartsWith("1 passed, 0 failed, 0 ignored, 2 untagged (3 C# blocks in 1 file)", tagged.Stdout.Trim().Split('\n')[^1]);

        var all = CliRunner.Run(folder.Path, "verify", "untagged.md", "--all");
        Assert.Equal(1, all.ExitCode);
        Assert.Contains("untagged.md(8,14): error CS0029", all.Stdout);
        Assert.StartsWith("2 passed, 1 failed, 0 ignored, 0 untagged", all.Stdout.Trim().Split('\n')[^1]);
    }

    [Fact]
    public void Config_mode_all_does_what_the_flag_does()
    {
        using var folder = new TempFolder();
        folder.CopySample("untagged.md");
        folder.Write("snippetcheck.json", "{ \"mode\": \"all\" }");
        var result = CliRunner.Run(folder.Path, "verify", "untagged.md");
        Assert.StartsWith("2 passed, 1 failed, 0 ignored, 0 untagged", result.Stdout.Trim().Split('\n')[^1]);
    }
}
