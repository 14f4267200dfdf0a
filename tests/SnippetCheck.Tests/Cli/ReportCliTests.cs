using System.Text.Json;
using System.Xml.Linq;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

public sealed class ReportCliTests
{
    [Fact]
    public void The_cli_writes_every_report_format_to_its_path()
    {
        using var folder = new TempFolder();
        folder.CopySample("report-sample.md", SampleReport.File);

        var result = CliRunner.Run(folder.Path, "verify", "posts",
            "--report", "junit=out/snippetcheck.junit.xml", "--report", "sarif=out/snippetcheck.sarif",
            "--report", "markdown=out/summary.md", "--report", "github=out/annotations.txt");

        Assert.True(result.ExitCode == 1, result.Output);
        var junit = XDocument.Load(Path.Combine(folder.Path, "out/snippetcheck.junit.xml")).Root!;
        Assert.Equal("3", (string?)junit.Attribute("failures"));
        var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "out/snippetcheck.sarif"))).RootElement;
        Assert.Equal(4, sarif.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
        Assert.Contains("| Passed | Failed |", File.ReadAllText(Path.Combine(folder.Path, "out/summary.md")), StringComparison.Ordinal);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(folder.Path, "out/annotations.txt")).Count(l => l.StartsWith("::error file=posts/report-sample.md,", StringComparison.Ordinal)));
    }
}
