using SnippetCheck.Reporting;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Reporting;

/// <summary>Every report format, approved as a whole, from one real run over Samples/report-sample.md.</summary>
public sealed class ReportApprovalTests
{
    [Fact]
    public async Task Json_report_matches_the_approved_file() => Approvals.Verify(await SampleReport.RenderAsync("json"));

    [Fact]
    public async Task JUnit_report_matches_the_approved_file() => Approvals.Verify(await SampleReport.RenderAsync("junit"));

    [Fact]
    public async Task Sarif_report_matches_the_approved_file() => Approvals.Verify(await SampleReport.RenderAsync("sarif"));

    [Fact]
    public async Task Markdown_report_matches_the_approved_file() => Approvals.Verify(await SampleReport.RenderAsync("markdown"));

    [Fact]
    public async Task GitHub_annotations_match_the_approved_file() => Approvals.Verify(await SampleReport.RenderAsync("github"));

    [Fact]
    public async Task GitHub_step_summary_matches_the_approved_file()
    {
        using var folder = new TempFolder();
        var summaryPath = Path.Combine(folder.Path, "step_summary.md");
        var annotations = new StringWriter();

        GitHubReporter.Write(annotations, summaryPath, await SampleReport.GetAsync());

        Assert.Equal(await SampleReport.RenderAsync("github"), SampleReport.ScrubVersion(annotations.ToString()));
        Approvals.Verify(SampleReport.ScrubVersion(File.ReadAllText(summaryPath)));
    }
}
