using System.Text.Json;
using SnippetCheck.Tests.Infrastructure;
using static SnippetCheck.Tests.Unit.Loading.ShardTests;

namespace SnippetCheck.Tests.Cli;

/// <summary>The CLI's <c>--shard K/N</c>: the shards together cover the files once; a bad shard or no files is exit code 2
/// (the split itself: Unit/Loading/ShardTests).</summary>
public sealed class ShardCliTests
{
    [Fact]
    public void The_command_line_splits_the_same_way_and_rejects_bad_shards()
    {
        using var folder = WriteFiles();
        var seen = new List<string>();
        for (var index = 1; index <= 3; index++)
        {
            var report = Path.Combine(folder.Path, $"shard{index}.json");
            var run = CliRunner.Run(folder.Path, "--shard", $"{index}/3", "--report", $"json={report}");
            Assert.Equal(0, run.ExitCode);
            using var json = JsonDocument.Parse(File.ReadAllText(report));
            seen.AddRange(json.RootElement.GetProperty("snippets").EnumerateArray().Select(s => s.GetProperty("file").GetString()!).Distinct());
        }
        Assert.Equal(Files.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));

        var bad = CliRunner.Run(folder.Path, "--shard", "4/3");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--shard '4/3' is not a shard; K/N needs 1 ≤ K ≤ N", bad.Stderr);
    }

    [Fact]
    public void A_shard_without_files_passes_but_no_files_at_all_is_an_error()
    {
        using var folder = new TempFolder();
        folder.Write("only.md", "```csharp\nvar x = 1;\n```\n");

        var empty = CliRunner.Run(folder.Path, "--shard", "2/2");
        Assert.Equal(0, empty.ExitCode);
        Assert.Contains("(0 C# blocks in 0 files)", empty.Stdout);

        var nothing = CliRunner.Run(folder.Path, "--shard", "1/2", "missing/**/*.md");
        Assert.Equal(2, nothing.ExitCode);
        Assert.Contains("no Markdown files matched", nothing.Stderr);
    }
}
