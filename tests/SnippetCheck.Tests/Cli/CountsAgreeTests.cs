using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// Issue 54, item 6: the console and every report agree on every count. A page with a block of each verdict (passed, checked,
/// failed, ignored, untagged) is verified twice, the second time from the result cache, and each count is read back from
/// the summary line, the coverage line, the JSON summary, the Markdown table, the JUnit suites and the SARIF results.
/// </summary>
[Trait("Category", "Fast")]
public sealed partial class CountsAgreeTests
{
    private const string Page = "# Counts\n\n" +
        "```csharp run\nConsole.WriteLine(1);\n```\n\n```output\n1\n```\n\n" +
        "```csharp check\nConsole.WriteLine(order);\n```\n\n" +
        "```csharp run\nConsole.WriteLine(2);\n```\n\n```output\n3\n```\n\n" +
        "```csharp ignore\nthis is not C#\n```\n\n" +
        "```csharp\nvar x = ...;\n```\n";

    [Fact]
    public void Console_json_markdown_junit_and_sarif_give_the_same_counts_cold_and_from_the_cache()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Page);

        var cold = Counts(folder, "cold");
        Assert.Equal((1, 1, 1, 1, 1, 0), (cold.Passed, cold.Checked, cold.Failed, cold.Ignored, cold.Untagged, cold.Cached));
        var warm = Counts(folder, "warm");
        Assert.Equal(cold with { Cached = warm.Cached }, warm);
        // Only verdicts the cache gave (each block's 'cached', compared above), never the ignored block.
        Assert.InRange(warm.Cached, 1, 3);
    }

    private sealed record Tally(int Passed, int Checked, int Failed, int Ignored, int Untagged, int Cached);

    /// <summary>Runs verify with every report, and returns the counts once all of them have been found to agree.</summary>
    private static Tally Counts(TempFolder folder, string name)
    {
        var run = CliRunner.Run(folder.Path, "post.md", "--report", $"json={name}.json", "--report", $"markdown={name}.md",
            "--report", $"junit={name}.xml", "--report", $"sarif={name}.sarif");
        Assert.Equal(1, run.ExitCode);
        var lines = run.Stdout.TrimEnd('\n').Split('\n');

        var summary = SummaryLine().Match(lines[^1]);
        Assert.True(summary.Success, lines[^1]);
        int Said(string group) => summary.Groups[group].Success ? int.Parse(summary.Groups[group].Value) : 0;
        var console = new Tally(Said("passed"), Said("checked"), Said("failed"), Said("ignored"), Said("untagged"), Said("cached"));

        var json = JsonReport.Load(Path.Combine(folder.Path, $"{name}.json"));
        var s = json.Summary;
        var fromJson = new Tally(s.Int("passed"), s.Int("checked"), s.Int("failed"), s.Int("ignored"), s.Int("untagged"), s.Int("cached"));
        Assert.Equal(console, fromJson);
        Assert.Equal(s.Int("blocks"), s.Int("passed") + s.Int("checked") + s.Int("failed") + s.Int("ignored") + s.Int("untagged") + s.Int("skipped"));
        Assert.Equal(s.Int("cached"), json.Snippets.Count(b => b.GetProperty("cached").GetBoolean() && b.Str("status") != "ignored"));

        // The coverage line counts what the summary calls passed and checked: a failed block is not verified.
        Assert.Equal($"verified {console.Passed} and checked {console.Checked} of 5 C# blocks (20 % verified, 40 % checked or better)", lines[^2]);
        Assert.Equal((console.Passed, console.Checked), (s.Int("verified"), s.Int("checkedBlocks")));

        var markdown = File.ReadAllText(Path.Combine(folder.Path, $"{name}.md"));
        Assert.Contains(lines[^1][..lines[^1].IndexOf(" (", StringComparison.Ordinal)], markdown);
        Assert.Contains(lines[^2], markdown);
        Assert.Contains($"| {console.Passed} | {console.Checked} | {console.Failed} | {console.Ignored} | {console.Untagged} | 0 | {console.Cached} | 0 |",
            markdown);

        var junit = XDocument.Load(Path.Combine(folder.Path, $"{name}.xml")).Root!;
        Assert.Equal((console.Failed, console.Ignored), ((int)junit.Attribute("failures")!, (int)junit.Attribute("skipped")!));
        Assert.Equal(console.Passed + console.Checked + console.Failed + console.Ignored, (int)junit.Attribute("tests")!);

        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, $"{name}.sarif")));
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("level").GetString() == "error").ToList();
        Assert.Equal(console.Failed, results.Count);
        return console;
    }

    [GeneratedRegex(@"^(?<passed>\d+) passed(, (?<checked>\d+) checked)?, (?<failed>\d+) failed, (?<ignored>\d+) ignored, (?<untagged>\d+) untagged" +
        @"(, (?<skipped>\d+) skipped)?(, (?<cached>\d+) cached)? \(")]
    private static partial Regex SummaryLine();
}
