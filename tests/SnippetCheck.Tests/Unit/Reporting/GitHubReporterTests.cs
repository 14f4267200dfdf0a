using System.Text;
using SnippetCheck.Reporting;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Reporting;

public sealed class GitHubReporterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("100%", "100%25")]
    [InlineData("one\ntwo", "one%0Atwo")]
    [InlineData("one\r\ntwo", "one%0D%0Atwo")]
    [InlineData("already %0A encoded", "already %250A encoded")]
    [InlineData("a: b, c", "a: b, c")]
    public void Message_data_escapes_percent_and_line_breaks(string text, string escaped) =>
        Assert.Equal(escaped, GitHubReporter.EscapeData(text));

    [Theory]
    [InlineData("a: b, c", "a%3A b%2C c")]
    [InlineData("50%,\n", "50%25%2C%0A")]
    [InlineData("%3A", "%253A")]
    public void Properties_also_escape_colons_and_commas(string text, string escaped) =>
        Assert.Equal(escaped, GitHubReporter.EscapeProperty(text));

    [Fact]
    public void A_command_has_its_properties_and_message_escaped()
    {
        var command = GitHubReporter.Command("error", "posts/a,b.md", 3, 7, "sum: output-mismatch (SC2001)", "differs\n- 3\n+ 2");

        Assert.Equal("::error file=posts/a%2Cb.md,line=3,col=7,title=sum%3A output-mismatch (SC2001)::differs%0A- 3%0A+ 2\n", command);
    }

    [Fact]
    public void A_long_detail_is_cut_in_the_annotation()
    {
        var report = Reports.Failures(1, detail: string.Join('\n', Enumerable.Range(1, 80).Select(i => $"- line {i}")));
        var output = new StringWriter();

        GitHubReporter.WriteAnnotations(output, report);

        Assert.Contains("- line 50%0A... (30 more lines in the reports)", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("- line 51", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Paths_are_made_relative_to_the_workspace()
    {
        var workspace = Path.Combine(Path.GetTempPath(), "repo");
        var blog = Path.Combine(workspace, "blog");

        Assert.Equal("blog/posts/a.md", ReportText.RepoRelative("posts/a.md", new Workspace(workspace, blog)));
        Assert.Equal("posts/a.md", ReportText.RepoRelative(@"posts\a.md"));
    }

    [Fact]
    public void The_step_summary_is_appended_after_what_the_step_wrote_before()
    {
        using var folder = new TempFolder();
        var path = folder.Write("summary.md", "# Earlier step output\n");

        GitHubReporter.Write(new StringWriter(), path, Reports.Failures(2));

        var text = File.ReadAllText(path);
        Assert.StartsWith("# Earlier step output\n\n## SnippetCheck\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_step_summary_stays_within_1_MiB_with_what_was_already_there()
    {
        using var folder = new TempFolder();
        var path = folder.Write("summary.md", new string('x', 1_000_000));
        var report = Reports.Failures(3000, detail: string.Join('\n', Enumerable.Repeat("- a long expected line of output", 20)));

        GitHubReporter.AppendStepSummary(path, report);

        var length = new FileInfo(path).Length;
        Assert.InRange(length, 1_000_001, GitHubReporter.StepSummaryLimit);
        Assert.Contains("was truncated", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_step_summary_is_left_alone()
    {
        using var folder = new TempFolder();
        var path = folder.Write("summary.md", new string('x', (int)GitHubReporter.StepSummaryLimit - 100));

        GitHubReporter.AppendStepSummary(path, Reports.Failures(1));

        Assert.Equal(GitHubReporter.StepSummaryLimit - 100, new FileInfo(path).Length);
    }

    [Fact]
    public void Utf8_text_in_the_summary_is_counted_in_bytes()
    {
        var report = Reports.Failures(2000, message: "ünïcödé ✓✓✓ " + new string('é', 200));

        var text = MarkdownReportWriter.Render(report, maxBytes: 100_000);

        Assert.True(Encoding.UTF8.GetByteCount(text) <= 100_000);
        Assert.True(text.Length < 100_000 * 0.75, "multi-byte characters must count for more than one");
    }
}
