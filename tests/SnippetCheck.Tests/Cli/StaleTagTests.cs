using System.Text.Json;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>Issue 17, part 2: stale <c>ignore</c> tags, found by compiling (and with <c>--stale</c> running) ignored blocks.</summary>
public sealed class StaleTagTests
{
    // Line 1: an ignored block that compiles and runs; line 6: its output block; line 10: one that does not compile;
    // line 14: one that compiles but throws; line 18: a verified snippet; line 22: an ignored block in a session.
    private const string Post =
        "```csharp ignore\n" +
        "Console.WriteLine(\"still fine\");\n" +
        "```\n" +
        "\n" +
        "```output\n" +
        "still fine\n" +
        "```\n" +
        "\n" +
        "```csharp ignore\n" +
        "var total = items.Sum();\n" +
        "```\n" +
        "\n" +
        "```csharp ignore\n" +
        "throw new InvalidOperationException(\"old API\");\n" +
        "```\n" +
        "\n" +
        "```csharp compile\n" +
        "class Verified { }\n" +
        "```\n" +
        "\n" +
        "```csharp ignore session=s\n" +
        "Console.WriteLine(1);\n" +
        "```\n";

    [Fact]
    public void An_ignored_block_that_compiles_gets_SC1019_and_one_that_does_not_stays_silent()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Post);

        var run = CliRunner.Run(folder.Path, "--no-cache");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("post.md(1,1): warning SC1019: ignored snippet compiles; tag it `compile` or `run`", run.Stdout);
        Assert.Contains("post.md(13,1): warning SC1019: ignored snippet compiles; tag it `compile` or `run`", run.Stdout);
        Assert.DoesNotContain("post.md(9,1)", run.Stdout);
        // Sessions are not checked; the summary counts are those of a run without the check.
        Assert.DoesNotContain("post.md(21,1)", run.Stdout);
        Assert.DoesNotContain("SC1020", run.Stdout);
        Assert.StartsWith("1 passed, 0 failed, 4 ignored, 0 untagged", run.Stdout.TrimEnd('\n').Split('\n')[^1]);
    }

    [Fact]
    public void With_stale_an_ignored_block_that_passes_is_reported_and_json_marks_it_stale()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Post);

        var run = CliRunner.Run(folder.Path, "--no-cache", "--stale", "--report", "json=report.json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("post.md(1,1): warning SC1020: ignored snippet passes; tag it `run`", run.Stdout);
        // It compiles, but throws: compiles is all it gets.
        Assert.Contains("post.md(13,1): warning SC1019:", run.Stdout);
        Assert.StartsWith("1 passed, 0 failed, 4 ignored, 0 untagged", run.Stdout.TrimEnd('\n').Split('\n')[^1]);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "report.json")));
        Assert.Equal(2, json.RootElement.GetProperty("summary").GetProperty("stale").GetInt32());
        Assert.Equal(4, json.RootElement.GetProperty("summary").GetProperty("ignored").GetInt32());
        var byLine = json.RootElement.GetProperty("snippets").EnumerateArray().ToDictionary(s => s.GetProperty("line").GetInt32());
        Assert.True(byLine[1].GetProperty("stale").GetBoolean());
        Assert.Equal("ignored", byLine[1].GetProperty("status").GetString());
        Assert.Contains(byLine[1].GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("id").GetString() == "SC1020");
        Assert.True(byLine[13].GetProperty("stale").GetBoolean());
        Assert.False(byLine[9].GetProperty("stale").GetBoolean());
        Assert.False(byLine[17].GetProperty("stale").GetBoolean());
        Assert.False(byLine[21].GetProperty("stale").GetBoolean());
    }

    [Fact]
    public void With_stale_an_ignored_block_whose_output_differs_only_compiles()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", "```csharp ignore\nConsole.WriteLine(\"new\");\n```\n\n```output\nold\n```\n");

        var run = CliRunner.Run(folder.Path, "--no-cache", "--stale");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("post.md(1,1): warning SC1019:", run.Stdout);
        Assert.DoesNotContain("SC1020", run.Stdout);
    }

    [Fact]
    public void Stale_error_fails_the_run_and_is_an_error_in_sarif_and_github_annotations_while_the_verdict_stays_ignored()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", "```csharp ignore\nclass StillCompiles { }\n```\n");
        folder.Write("snippetcheck.json", "{ \"stale\": \"error\" }");

        var run = CliRunner.Run(folder.Path, new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true" },
            "--no-cache", "--report", "sarif=report.sarif");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("post.md(1,1): error SC1019: ignored snippet compiles", run.Stdout);
        Assert.Contains("::error file=post.md,line=1,col=1,title=Ignored snippet compiles (SC1019)::", run.Stdout);
        Assert.StartsWith("0 passed, 0 failed, 1 ignored", run.Stdout.Split('\n').First(l => l.Contains(" passed, ")));
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "report.sarif")));
        var result = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal("SC1019", result.GetProperty("ruleId").GetString());
        Assert.Equal("error", result.GetProperty("level").GetString());
    }

    [Fact]
    public void Warn_is_a_warning_in_sarif_and_off_checks_nothing()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", "```csharp ignore\nclass StillCompiles { }\n```\n");

        var warn = CliRunner.Run(folder.Path, "--no-cache", "--report", "sarif=report.sarif");
        using (var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "report.sarif"))))
        {
            var result = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
            Assert.Equal("warning", result.GetProperty("level").GetString());
        }
        Assert.Equal(0, warn.ExitCode);

        folder.Write("snippetcheck.json", "{ \"stale\": \"off\" }");
        var off = CliRunner.Run(folder.Path, "--no-cache");
        Assert.Equal(0, off.ExitCode);
        Assert.DoesNotContain("SC1019", off.Stdout);
    }

    [Fact]
    public void An_ignored_block_that_would_break_a_merged_chunk_changes_no_other_verdict()
    {
        using var folder = new TempFolder();
        // Many compile snippets (merged), and ignored blocks that declare the same types and do not compile.
        var post = string.Concat(Enumerable.Range(0, 8).Select(i =>
            $"```csharp compile\npublic class Shared{i} {{ public int V => {i}; }}\n```\n\n" +
            $"```csharp ignore\npublic class Shared{i} {{ public int V => nope; }}\n```\n\n"));
        folder.Write("post.md", post);

        var run = CliRunner.Run(folder.Path, "--no-cache");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("SC1019", run.Stdout);
        Assert.StartsWith("8 passed, 0 failed, 8 ignored", run.Stdout.TrimEnd('\n').Split('\n')[^1]);
    }
}
