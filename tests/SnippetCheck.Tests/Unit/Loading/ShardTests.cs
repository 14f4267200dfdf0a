using SnippetCheck.Driver;
using SnippetCheck.Loading;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Loading;

/// <summary><c>--shard K/N</c>: for every N the shards are disjoint, their union is the whole run, and a file's sessions stay in one shard.</summary>
public sealed class ShardTests
{
    // Untagged blocks are counted but never compiled, so a sharded run here takes milliseconds.
    internal static readonly string[] Files =
        ["a.md", "b.md", "posts/c.md", "posts/d.markdown", "posts/2026/e.md", "posts/2026/f.md", "z/g.md"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Shards_are_disjoint_and_together_cover_every_file(int count)
    {
        using var folder = WriteFiles();
        var whole = await RunAsync(folder, shard: null);

        var shards = new List<IReadOnlyList<string>>();
        for (var index = 1; index <= count; index++) shards.Add(await RunAsync(folder, $"{index}/{count}"));

        var all = shards.SelectMany(s => s).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(whole.Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
        Assert.Equal(Files.Length, whole.Count);
        // As even as the file count allows.
        Assert.True(shards.Max(s => s.Count) - shards.Min(s => s.Count) <= 1);
    }

    [Fact]
    public async Task The_same_shard_gets_the_same_files_every_time()
    {
        using var folder = WriteFiles();

        Assert.Equal(await RunAsync(folder, "2/3"), await RunAsync(folder, "2/3"));
    }

    [Fact]
    public async Task Every_snippet_of_a_file_lands_in_the_files_shard()
    {
        using var folder = WriteFiles();
        var total = 0;
        for (var index = 1; index <= 3; index++)
        {
            var report = await new Verifier(new VerifyOptions { CurrentDirectory = folder.Path, Shard = $"{index}/3" }).RunAsync();
            var files = report.Documents.Select(d => d.DisplayPath).ToHashSet();
            Assert.All(report.Snippets, s => Assert.Contains(s.Location.File, files));
            total += report.Blocks;
        }
        Assert.Equal(Files.Length * 2, total);
    }

    [Theory]
    [InlineData("1/1", true)]
    [InlineData("3/4", true)]
    [InlineData("4/4", true)]
    [InlineData("0/4", false)]
    [InlineData("5/4", false)]
    [InlineData("1/0", false)]
    [InlineData("-1/2", false)]
    [InlineData("1", false)]
    [InlineData("1/2/3", false)]
    [InlineData("a/b", false)]
    public void Parses_K_of_N_only_when_1_le_K_le_N(string text, bool valid)
    {
        Assert.Equal(valid, Shard.TryParse(text, out _, out var error));
        Assert.Equal(valid, error is null);
    }

    internal static TempFolder WriteFiles()
    {
        var folder = new TempFolder();
        foreach (var file in Files)
        {
            folder.Write(file, $"# {file}\n\n```csharp\nvar one = 1;\n```\n\n```cs\nvar two = 2;\n```\n");
        }
        return folder;
    }

    private static async Task<IReadOnlyList<string>> RunAsync(TempFolder folder, string? shard)
    {
        var report = await new Verifier(new VerifyOptions { CurrentDirectory = folder.Path, Shard = shard }).RunAsync();
        return [.. report.Documents.Select(d => d.DisplayPath)];
    }
}
