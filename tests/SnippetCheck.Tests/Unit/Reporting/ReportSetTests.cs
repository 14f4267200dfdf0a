using SnippetCheck.Reporting;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Reporting;

/// <summary>Which writer handles which <c>--report</c>, and when the GitHub Actions output is written.</summary>
public sealed class ReportSetTests
{
    // ReportFormat is internal to the core, and a public test method cannot take it: the theory names the format instead.
    [Theory]
    [InlineData("json", nameof(ReportFormat.Json), null)]
    [InlineData("JUnit=out/r.xml", nameof(ReportFormat.JUnit), "out/r.xml")]
    [InlineData(" sarif =a=b.sarif", nameof(ReportFormat.Sarif), "a=b.sarif")]
    public void A_request_is_a_format_in_any_case_and_an_optional_path(string text, string format, string? path)
    {
        Assert.True(ReportRequest.TryParse(text, out var request, out _));
        Assert.Equal(new ReportRequest(Enum.Parse<ReportFormat>(format), path), request);
        Assert.Null(ReportSet.ProblemWith(text));
    }

    [Theory]
    [InlineData("list", "junit")]
    [InlineData("adopt", "sarif=out.sarif")]
    [InlineData("outdated", "markdown")]
    public void A_json_only_command_refuses_another_format_by_name(string command, string request)
    {
        var format = request.Split('=')[0];
        Assert.Equal($"{command} writes only json reports, not {format} ('--report {format}' is for verify)", ReportSet.ProblemWith(request, command));
        Assert.Null(ReportSet.ProblemWith("json=out.json", command));
    }

    [Theory]
    [InlineData("pdf", "--report 'pdf' is not a report format (use json, junit, sarif, github, markdown)")]
    [InlineData("json=", "--report json= needs a path after '=' (or no '=' for standard output)")]
    public void A_bad_request_says_why(string text, string error)
    {
        Assert.False(ReportRequest.TryParse(text, out _, out var why));
        Assert.Equal(error, why);
    }

    [Fact]
    public void List_writes_json_and_refuses_every_other_format_by_name()
    {
        Assert.Null(ReportFormats.ListRefusal(ReportFormat.Json));
        foreach (var format in Enum.GetValues<ReportFormat>().Where(f => f != ReportFormat.Json))
            Assert.Equal($"list writes only json reports, not {ReportFormats.Name(format)} ('--report {ReportFormats.Name(format)}' is for verify)", ReportFormats.ListRefusal(format));
    }

    // CiMode is internal to the core, and a public test method cannot take it: the theory names the mode instead.
    [Theory]
    [InlineData(nameof(CiMode.Auto), "true", true)]
    [InlineData(nameof(CiMode.Auto), "TRUE", true)]
    [InlineData(nameof(CiMode.Auto), "false", false)]
    [InlineData(nameof(CiMode.Auto), null, false)]
    [InlineData(nameof(CiMode.None), "true", false)]
    [InlineData(nameof(CiMode.GitHub), null, true)]
    public void Ci_auto_means_github_actions_when_its_variable_says_so(string mode, string? gitHubActions, bool expected)
    {
        var environment = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = gitHubActions, ["GITHUB_STEP_SUMMARY"] = "", ["GITHUB_WORKSPACE"] = "/repo" };

        var target = CiTarget.Resolve(Enum.Parse<CiMode>(mode), name => environment.GetValueOrDefault(name), "/repo/blog");

        Assert.Equal(expected ? new CiTarget(true, null, new Workspace("/repo", "/repo/blog")) : CiTarget.None, target);
    }

    [Fact]
    public void Without_ci_output_only_the_requested_reports_are_written()
    {
        using var folder = new TempFolder();
        var console = new StringWriter();

        new ReportSet(folder.Path, [new(ReportFormat.Markdown, Path.Combine(folder.Path, "out", "summary.md"))]).WriteVerdicts(Reports.Failures(1), console);

        Assert.Contains("## SnippetCheck", File.ReadAllText(Path.Combine(folder.Path, "out", "summary.md")), StringComparison.Ordinal);
        Assert.Equal("", console.ToString());
    }

    [Fact]
    public void A_relative_report_path_is_taken_from_the_run_folder_never_the_process_folder()
    {
        using var folder = new TempFolder();
        var relative = Path.Combine("out", $"report-{Guid.NewGuid():N}.json");

        new ReportSet(folder.Path, [new(ReportFormat.Json, relative)]).WriteVerdicts(Reports.Failures(1), new StringWriter());

        Assert.True(File.Exists(Path.Combine(folder.Path, relative)), "the report is not in the run's folder");
        Assert.False(File.Exists(Path.GetFullPath(relative)), "the report went to the process's current directory");
    }

    [Fact]
    public void On_github_actions_annotations_go_to_the_console_and_the_summary_to_its_file()
    {
        using var folder = new TempFolder();
        var summary = Path.Combine(folder.Path, "summary.md");
        var console = new StringWriter();

        new ReportSet(folder.Path, [], new CiTarget(true, summary)).WriteVerdicts(Reports.Failures(2), console);

        Assert.Equal(2, Lines(console.ToString()).Count(l => l.StartsWith("::error ", StringComparison.Ordinal)));
        Assert.True(File.Exists(summary));
    }

    [Fact]
    public void A_github_report_on_standard_output_is_the_only_copy_of_the_annotations()
    {
        using var folder = new TempFolder();
        var summary = Path.Combine(folder.Path, "summary.md");
        var stdout = new MemoryStream();
        var console = new StringWriter();

        var reports = new ReportSet(folder.Path, [new(ReportFormat.GitHub, null)], new CiTarget(true, summary), () => stdout);
        reports.WriteVerdicts(Reports.Failures(2), console);

        Assert.True(reports.TakesStandardOutput);
        Assert.Equal(2, Lines(System.Text.Encoding.UTF8.GetString(stdout.ToArray())).Count(l => l.StartsWith("::error ", StringComparison.Ordinal)));
        Assert.Equal("", console.ToString());
        Assert.True(File.Exists(summary), "the step summary is written all the same");
    }

    [Fact]
    public void A_github_report_to_a_file_leaves_the_console_annotations_in_place()
    {
        using var folder = new TempFolder();
        var console = new StringWriter();

        new ReportSet(folder.Path, [new(ReportFormat.GitHub, Path.Combine(folder.Path, "annotations.txt"))], new CiTarget(true)).WriteVerdicts(Reports.Failures(1), console);

        Assert.Single(Lines(console.ToString()), l => l.StartsWith("::error ", StringComparison.Ordinal));
        Assert.Single(File.ReadAllLines(Path.Combine(folder.Path, "annotations.txt")), l => l.StartsWith("::error ", StringComparison.Ordinal));
    }

    private static string[] Lines(string text) => text.Split('\n');
}
