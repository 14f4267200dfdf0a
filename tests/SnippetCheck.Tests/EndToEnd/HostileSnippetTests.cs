using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>Runs the real CLI once on Samples/hostile.md; each test checks one hostile case's verdict.</summary>
public sealed class HostileRunFixture() : SampleRunFixture("hostile.md");

public sealed class HostileSnippetTests(HostileRunFixture run) : IClassFixture<HostileRunFixture>
{
    [Theory]
    [InlineData("hang", 5, "failed", "timeout")]
    [InlineData("exit-unexpected", 9, "failed", "exit-code")]
    [InlineData("exit-expected", 14, "passed", null)]
    [InlineData("stack-overflow", 18, "failed", "crash")]
    [InlineData("fail-fast", 23, "failed", "crash")]
    [InlineData("flood", 27, "failed", "output-limit")]
    [InlineData("stdin-empty", 32, "passed", null)]
    [InlineData("background-throw", 42, "failed", "exception")]
    [InlineData("background-throws-tagged", 49, "passed", null)]
    [InlineData("huge-allocation", 55, "failed", "exception")]
    [InlineData("huge-array", 60, "passed", null)]
    [InlineData("secrets", 65, "passed", null)]
    [InlineData("still-fine", 83, "passed", null)]
    public void Each_hostile_snippet_gets_its_own_verdict_at_its_fence(string name, int line, string status, string? reason)
    {
        var snippet = run.Report.Snippet(name);
        Assert.Equal((status, reason), (snippet.Str("status"), snippet.Str("reason")));
        Assert.Equal((line, 1), (snippet.Int("line"), snippet.Int("column")));
    }

    [Fact]
    public void The_run_fails_as_a_whole_with_exit_code_1()
    {
        Assert.Equal(1, run.Result.ExitCode);
        Assert.StartsWith("6 passed, 7 failed, 0 ignored, 0 untagged (13 C# blocks in 1 file) in ", run.Result.Stdout.Trim().Split('\n')[^1]);
    }

    [Fact]
    public void Crash_messages_name_what_happened()
    {
        Assert.Contains("stack overflow", run.Report.Snippet("stack-overflow").Str("message"));
        Assert.Contains("gave up on purpose", run.Report.Snippet("fail-fast").Str("message"));
        Assert.Contains("1s", run.Report.Snippet("hang").Str("message"));
    }

    [Fact]
    public void Exceptions_are_reported_by_type_even_when_stderr_would_only_say_out_of_memory()
    {
        Assert.Contains("System.OutOfMemoryException", run.Report.Snippet("huge-allocation").Str("message"));
        Assert.Contains("System.InvalidOperationException: background boom", run.Report.Snippet("background-throw").Str("message"));
    }

    [Fact]
    public void Output_before_an_exit_is_kept()
    {
        Assert.Equal("leaving\n", run.Report.Snippet("exit-unexpected").Str("actualOutput"));
        Assert.Contains("exited with code 5, expected 0", run.Report.Snippet("exit-unexpected").Str("message"));
    }

    [Fact]
    public void Failures_print_in_the_canonical_msbuild_form()
    {
        Assert.Contains("hostile.md(5,1): error SC2008: did not finish within 1s", run.Result.Stdout);
        Assert.Contains("hostile.md(27,1): error SC2010: printed more than 1 MiB of output", run.Result.Stdout);
    }

    [Fact]
    public void No_runner_process_outlives_the_run()
    {
        Assert.Equal(0, run.LeftoverRunners);
    }
}
