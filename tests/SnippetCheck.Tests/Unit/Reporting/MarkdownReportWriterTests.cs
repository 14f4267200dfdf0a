using System.Text;
using SnippetCheck.Reporting;

namespace SnippetCheck.Tests.Unit.Reporting;

public sealed class MarkdownReportWriterTests
{
    [Fact]
    public void A_pipe_or_a_line_break_in_a_message_stays_inside_its_cell()
    {
        var text = MarkdownReportWriter.Render(Reports.Failures(1, message: "a | b\nc <T> `x`"));

        var row = text.Split('\n').Single(line => line.StartsWith("| posts/many.md:1 ", StringComparison.Ordinal));
        Assert.EndsWith(@"| a \| b<br>c \<T\> \`x\` |", row, StringComparison.Ordinal);
        Assert.Equal(5, CountUnescapedPipes(row));
    }

    [Fact]
    public void A_detail_with_backtick_fences_gets_a_longer_fence()
    {
        var text = MarkdownReportWriter.Render(Reports.Failures(1, detail: "- ```\n+ ````"));

        Assert.Contains("`````diff\n- ```\n+ ````\n`````\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_that_does_not_fit_is_cut_at_a_row_and_says_so()
    {
        var report = Reports.Failures(3000, detail: string.Join('\n', Enumerable.Repeat("- a long expected line of output", 20)));

        var text = MarkdownReportWriter.Render(report, maxBytes: 50_000);

        Assert.True(Encoding.UTF8.GetByteCount(text) <= 50_000);
        Assert.Contains("| Passed | Failed |", text, StringComparison.Ordinal);
        Assert.Contains("truncated to stay within GitHub's 1 MiB step summary limit", text, StringComparison.Ordinal);
        Assert.Matches(@"it shows \d+ of 3000 failures", text);
        Assert.True(MarkdownReportWriter.Render(report).Length > 1_000_000, "the whole report would not have fit");
    }

    [Fact]
    public void A_report_that_fits_is_not_cut()
    {
        var report = Reports.Failures(3);

        Assert.Equal(MarkdownReportWriter.Render(report), MarkdownReportWriter.Render(report, maxBytes: 100_000));
        Assert.DoesNotContain("truncated", MarkdownReportWriter.Render(report), StringComparison.Ordinal);
    }

    private static int CountUnescapedPipes(string row)
    {
        var count = 0;
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] == '\\') i++;
            else if (row[i] == '|') count++;
        }
        return count;
    }
}
