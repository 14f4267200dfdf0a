using Xunit.Abstractions;


namespace SnippetCheck.Tests.Hardening;

/// <summary>
/// The torture suite (docs/torture.md): hostile snippets and malformed posts through the real CLI, each with the
/// verdict written down in <c>Samples/torture/expected.json</c>.
/// </summary>
public sealed class TortureSuiteTests(TortureRunFixture run, ITestOutputHelper output) : IClassFixture<TortureRunFixture>
{
    [Fact]
    public void Every_snippet_gets_exactly_the_verdict_written_down()
    {
        output.WriteLine($"torture: {run.Figures}");
        var missing = run.ExpectedSnippets.Except(run.Actual).ToList();
        var unexpected = run.Actual.Except(run.ExpectedSnippets).ToList();
        Assert.True(missing.Count == 0 && unexpected.Count == 0,
            $"expected but not seen:\n  {string.Join("\n  ", missing)}\nseen but not expected:\n  {string.Join("\n  ", unexpected)}\n{run.Result.Output}");
    }

    [Fact]
    public void Every_malformed_post_gets_exactly_the_file_errors_written_down_each_with_a_line()
    {
        var missing = run.ExpectedErrors.Except(run.ActualErrors).ToList();
        var unexpected = run.ActualErrors.Except(run.ExpectedErrors).ToList();
        Assert.True(missing.Count == 0 && unexpected.Count == 0,
            $"expected but not seen:\n  {string.Join("\n  ", missing)}\nseen but not expected:\n  {string.Join("\n  ", unexpected)}");
        Assert.All(run.ActualErrors, error => Assert.True(error.Line >= 1, $"{error} has no line"));
    }

    [Fact]
    public void Bad_posts_and_hostile_snippets_fail_the_run_with_1_never_2()
    {
        Assert.Equal(1, run.Result.ExitCode);
        Assert.Equal(0, Infrastructure.JsonElementExtensions.Int(run.Report.Summary, "cached"));
        Assert.DoesNotContain("internal error", run.Result.Output);
        Assert.DoesNotContain("SC3006", run.Result.Output);
    }

    [Fact]
    public void No_runner_or_process_a_snippet_started_outlives_the_run()
    {
        Assert.Empty(run.StrayProcesses);
    }

    [Fact]
    public void No_work_folder_is_left_in_the_temp_folder()
    {
        Assert.Empty(run.LeftoverWorkFolders);
    }

    [Fact]
    public void No_file_in_the_torture_folder_changed()
    {
        Assert.Empty(run.ChangedFiles);
        Assert.Empty(run.NewFiles);
    }

    [Fact]
    public void The_suite_is_as_large_as_the_docs_say()
    {
        Assert.True(run.Figures.HostileCases >= 25, $"{run.Figures.HostileCases} hostile cases");
        Assert.True(run.Figures.MalformedFiles >= 15, $"{run.Figures.MalformedFiles} malformed files");
    }
}
