using SnippetCheck.Reporting;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// Issue 26, part 6: coverage is a number the author sees (console, JSON, Markdown) and CI can hold
/// (<c>--min-coverage</c>, <c>"minCoverage"</c>: SC3013).
/// </summary>
public sealed class CoverageTests
{
    // Three C# blocks: one run, one compile, one untagged.
    private const string Post = "# Post\n\n```csharp run\nConsole.WriteLine(1);\n```\n\n```csharp compile\nclass A { }\n```\n\n```csharp\nvar x = ...;\n```\n";

    [Theory]
    [InlineData(200.0 / 3, "66.6")]
    [InlineData(49.96, "49.9")]
    [InlineData(100.0, "100")]
    [InlineData(0.0, "0")]
    public void The_percentage_is_rounded_down_so_a_gate_never_reads_as_met_when_it_is_not(double percent, string shown)
    {
        Assert.Equal(shown, CoverageLine.Percent(percent));
    }

    [Fact]
    public void A_run_prints_its_coverage_before_the_summary_and_the_json_report_records_it()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Post);

        var run = CliRunner.Run(folder.Path, "--report", "json=report.json");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("verified 2 of 3 C# blocks (66.6 %)", lines[^2]);
        Assert.StartsWith("2 passed, 0 failed, 0 ignored, 1 untagged", lines[^1]);
        var summary = JsonReport.Load(Path.Combine(folder.Path, "report.json")).Summary;
        Assert.Equal((2, 66.6), (summary.Int("verified"), summary.GetProperty("coverage").GetDouble()));
    }

    [Theory]
    [InlineData("--min-coverage", "66.6", 0)]
    [InlineData("--min-coverage", "66.7", 1)]
    [InlineData("--min-coverage", "100", 1)]
    public void Min_coverage_fails_a_run_below_it_with_SC3013(string option, string value, int exitCode)
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Post);

        var run = CliRunner.Run(folder.Path, option, value);

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Equal(exitCode == 1, run.Stdout.Contains($"snippetcheck: error SC3013: coverage 66.6 % is below the minimum of {value} %", StringComparison.Ordinal));
    }

    [Fact]
    public void Min_coverage_in_config_fails_the_run_and_a_percentage_out_of_range_is_a_usage_error()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Post);
        folder.Write("snippetcheck.json", """{ "minCoverage": 90 }""");

        var gated = CliRunner.Run(folder.Path, "--report", "markdown=report.md");
        Assert.Equal(1, gated.ExitCode);
        Assert.Contains("error SC3013", gated.Stdout);
        Assert.Contains("verified 2 of 3 C# blocks (66.6 %) ❌ coverage 66.6 % is below the minimum of 90 %", File.ReadAllText(Path.Combine(folder.Path, "report.md")));

        Assert.Equal(2, CliRunner.Run(folder.Path, "--min-coverage", "101").ExitCode);
        folder.Write("snippetcheck.json", """{ "minCoverage": "most" }""");
        Assert.Equal(2, CliRunner.Run(folder.Path).ExitCode);
    }

    // Four C# blocks: one run, one checked, two untagged.
    private const string Fragments = "# Post\n\n```csharp run\nConsole.WriteLine(1);\n```\n\n```csharp check\nConsole.WriteLine(order);\n```\n\n" +
        "```csharp\nvar x = ...;\n```\n\n```csharp\nvar y = ...;\n```\n";

    [Theory]
    [InlineData("50", 0)]
    [InlineData("50.1", 1)]
    public void Min_check_coverage_counts_checked_blocks_and_min_coverage_never_does(string value, int exitCode)
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Fragments);

        var run = CliRunner.Run(folder.Path, "--min-check-coverage", value, "--report", "json=report.json");

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Contains("verified 1 and checked 1 of 4 C# blocks (25 % verified, 50 % checked or better)", run.Stdout);
        Assert.Contains("1 passed, 1 checked, 0 failed, 0 ignored, 2 untagged", run.Stdout);
        Assert.Equal(exitCode == 1, run.Stdout.Contains($"snippetcheck: error SC3013: coverage at the check level or better 50 % is below the minimum of {value} %", StringComparison.Ordinal));
        var summary = JsonReport.Load(Path.Combine(folder.Path, "report.json")).Summary;
        Assert.Equal((1, 25.0, 1, 50.0), (summary.Int("verified"), summary.GetProperty("coverage").GetDouble(), summary.Int("checkedBlocks"), summary.GetProperty("checkCoverage").GetDouble()));
        Assert.Equal(1, CliRunner.Run(folder.Path, "--min-coverage", "26").ExitCode);
    }
}
