using System.Text.Json;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>Issue 17, part 2: stale <c>ignore</c> tags, found by compiling (and with <c>--stale</c> running) ignored blocks.</summary>
[Trait("Category", "Fast")]
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
    public void Checking_and_running_ignored_blocks_changes_no_verdict_of_any_snippet()
    {
        using var folder = new TempFolder();
        // Verified snippets of every kind, merged and alone, passing and failing, between ignored blocks that compile,
        // that do not, that throw, that print, and that declare the same names as the verified ones.
        var post = string.Concat(Enumerable.Range(0, 6).Select(i =>
            $"```csharp compile\npublic class Shared{i} {{ public int V => {i}; }}\n```\n\n" +
            $"```csharp ignore\npublic class Shared{i} {{ public int V => nope; }}\n```\n\n" +
            $"```csharp ignore\npublic class Shared{i} {{ public int V => {i}; }}\n```\n\n" +
            $"```csharp run\nConsole.WriteLine({i});\n```\n\n```output\n{i}\n```\n\n" +
            $"```csharp ignore\nConsole.WriteLine(\"ignored {i}\"); Environment.Exit({i});\n```\n\n")) +
            "```csharp run\nConsole.WriteLine(\"actual\");\n```\n\n```output\nexpected\n```\n\n" +
            "```csharp throws=InvalidOperationException\nthrow new InvalidOperationException();\n```\n\n" +
            "```csharp compile-fail=CS0029\nint x = \"s\";\n```\n\n" +
            "```csharp compile\nvar broken = ;\n```\n";
        folder.Write("post.md", post);

        folder.Write("snippetcheck.json", "{ \"stale\": \"off\" }");
        var off = CliRunner.Run(folder.Path, "--no-cache", "--report", "json=off.json");
        folder.Write("snippetcheck.json", "{ }");
        var on = CliRunner.Run(folder.Path, "--no-cache", "--stale", "--report", "json=on.json");

        Assert.Equal(1, off.ExitCode);
        Assert.Equal(1, on.ExitCode);
        Assert.DoesNotContain("SC1019", off.Stdout);
        Assert.Contains("SC1019", on.Stdout);
        static List<string> Verdicts(string path)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            return [.. json.RootElement.GetProperty("snippets").EnumerateArray().Select(s =>
                $"{s.GetProperty("line")} {s.GetProperty("status")} {s.GetProperty("reason")} {s.GetProperty("message")} {s.GetProperty("actualOutput")}")];
        }
        var before = Verdicts(Path.Combine(folder.Path, "off.json"));
        Assert.Equal(before, Verdicts(Path.Combine(folder.Path, "on.json")));
        Assert.Equal(34, before.Count);
        Assert.Equal(2, before.Count(v => v.Contains(" failed ", StringComparison.Ordinal)));
        Assert.Equal(18, before.Count(v => v.Contains(" ignored ", StringComparison.Ordinal)));
    }
}
