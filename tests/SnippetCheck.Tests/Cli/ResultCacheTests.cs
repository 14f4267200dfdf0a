using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

public sealed class ResultCacheTests
{
    private const string Post = """
        ```csharp name=one
        Console.WriteLine("one");
        ```

        ```output
        one
        ```

        ```csharp name=two
        Console.WriteLine(2 * 21);
        ```

        ```output
        42
        ```

        ```csharp name=broken
        Console.WriteLine("actual");
        ```

        ```output
        expected
        ```
        """;

    private static JsonReport Verify(TempFolder folder, params string[] extra)
    {
        CliRunner.Run(folder.Path, ["verify", "post.md", "--report", "json=r.json", .. extra]);
        return JsonReport.Load(Path.Combine(folder.Path, "r.json"));
    }

    /// <summary>
    /// Issue 54: 'cached' counts verdicts the cache gave, and an ignored block was never verified: '33 cached' once
    /// counted 12 ignored blocks, whose stale check the cache keeps.
    /// </summary>
    [Fact]
    public void Cached_counts_no_ignored_block()
    {
        using var folder = new TempFolder();
        // A page fixture's program holds its ignored blocks, and its cache entry their verdicts.
        folder.Write("post.md", "---\nsnippetcheck:\n  fixture: true\n---\n\n```csharp\nConsole.WriteLine(1);\n```\n\n"
            + "<!-- snippetcheck: ignore -->\n```csharp\nConsole.WriteLine(nope);\n```\n");
        Verify(folder, "--all");

        var second = Verify(folder, "--all");

        Assert.Equal((1, 1, 1), (second.Summary.Int("cached"), second.Summary.Int("passed"), second.Summary.Int("ignored")));
    }

    [Fact]
    public void A_second_run_takes_passes_from_the_cache_and_says_so()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Post);
        Assert.Equal(0, Verify(folder).Summary.Int("cached"));

        var second = Verify(folder);
        Assert.Equal((2, 2, 1), (second.Summary.Int("cached"), second.Summary.Int("passed"), second.Summary.Int("failed")));
        Assert.True(second.Snippet("one").GetProperty("cached").GetBoolean());
        Assert.Equal("one\n", second.Snippet("one").Str("actualOutput"));
        // Failures are never cached: the broken snippet ran again.
        Assert.False(second.Snippet("broken").GetProperty("cached").GetBoolean());
        Assert.True(Directory.Exists(Path.Combine(folder.Path, ".snippetcheck", "cache")));
    }

    [Fact]
    public void A_passes_compiler_warnings_come_back_from_the_cache_where_the_block_now_stands()
    {
        using var folder = new TempFolder();
        const string Block = "```csharp name=warned\nint unused;\nConsole.WriteLine(1);\n```\n\n```output\n1\n```\n";
        folder.Write("post.md", Block);
        var cold = Verify(folder);
        // The same block two lines lower and indented in a list item: the same cache key, another place.
        folder.Write("post.md", "Steps:\n\n1. Run it:\n\n" + string.Join('\n', Block.Split('\n').Select(l => l.Length == 0 ? l : "   " + l)));
        var warm = Verify(folder);

        static (string?, int, int, string?)[] Warnings(JsonReport report) =>
            [.. report.Snippet("warned").GetProperty("diagnostics").EnumerateArray().Select(d => (d.Str("id"), d.Int("line"), d.Int("column"), d.Str("message")))];
        Assert.False(cold.Snippet("warned").GetProperty("cached").GetBoolean());
        Assert.Equal([("CS0168", 2, 5, "The variable 'unused' is declared but never used")], Warnings(cold));
        Assert.True(warm.Snippet("warned").GetProperty("cached").GetBoolean());
        Assert.Equal([("CS0168", 6, 8, "The variable 'unused' is declared but never used")], Warnings(warm));
    }

    [Fact]
    public void A_pass_with_a_warning_on_a_prelude_line_is_cached_and_reports_it_where_the_prelude_now_stands()
    {
        using var folder = new TempFolder();
        const string Page = "<!-- snippetcheck: prelude\nint unused;\n-->\n\n```csharp name=warned\nConsole.WriteLine(1);\n```\n\n```output\n1\n```\n";
        folder.Write("post.md", Page);
        var cold = Verify(folder);
        var warm = Verify(folder);
        // The same page two lines lower: the same cache key, another place for the prelude's line.
        folder.Write("post.md", "# Title\n\n" + Page);
        var moved = Verify(folder);

        static (string?, int, int)[] Warnings(JsonReport report) =>
            [.. report.Snippet("warned").GetProperty("diagnostics").EnumerateArray().Select(d => (d.Str("id"), d.Int("line"), d.Int("column")))];
        Assert.False(cold.Snippet("warned").GetProperty("cached").GetBoolean());
        Assert.Equal([("CS0168", 2, 5)], Warnings(cold));
        Assert.True(warm.Snippet("warned").GetProperty("cached").GetBoolean());
        Assert.Equal(Warnings(cold), Warnings(warm));
        Assert.True(moved.Snippet("warned").GetProperty("cached").GetBoolean());
        Assert.Equal([("CS0168", 4, 5)], Warnings(moved));
    }

    [Fact]
    public void Editing_one_snippet_reverifies_only_that_snippet()
    {
        using var folder = new TempFolder();
        var path = folder.Write("post.md", Post);
        Verify(folder);
        File.WriteAllText(path, Post.Replace("2 * 21", "6 * 7"));
        var report = Verify(folder);
        Assert.True(report.Snippet("one").GetProperty("cached").GetBoolean());
        Assert.False(report.Snippet("two").GetProperty("cached").GetBoolean());
        Assert.Equal("passed", report.Snippet("two").Str("status"));
    }

    [Fact]
    public void A_post_whose_snippets_all_passed_comes_from_one_entry_and_an_edit_falls_back_to_each_snippets_own()
    {
        using var folder = new TempFolder();
        var path = folder.Write("post.md", Post.Replace("actual", "expected"));
        var cache = Path.Combine(folder.Path, ".snippetcheck", "cache");
        string[] Together() => Directory.GetFiles(Path.Combine(cache, "together"), "*.json", SearchOption.AllDirectories);
        Assert.Equal(3, Verify(folder).Summary.Int("passed"));
        Assert.Single(Together());

        // One edit: the document's entry no longer matches, the unchanged snippets come from their own entries.
        File.WriteAllText(path, Post.Replace("actual", "expected").Replace("2 * 21", "6 * 7"));
        var edited = Verify(folder);
        Assert.Equal((3, 2), (edited.Summary.Int("passed"), edited.Summary.Int("cached")));
        Assert.False(edited.Snippet("two").GetProperty("cached").GetBoolean());
        Assert.Equal(2, Together().Length);

        // Without the per-snippet entries, only the document's entry can answer.
        foreach (var entry in Directory.GetFiles(cache, "*.json", SearchOption.AllDirectories).Except(Together())) File.Delete(entry);
        Assert.Equal(3, Verify(folder).Summary.Int("cached"));

        // A damaged document entry is a miss, never a verdict: everything is verified again, and the entry rewritten.
        foreach (var entry in Together()) File.WriteAllText(entry, "{\"Programs\":[{\"Blocks\":[]}]}");
        var repaired = Verify(folder);
        Assert.Equal((3, 0), (repaired.Summary.Int("passed"), repaired.Summary.Int("cached")));
        Assert.Equal(3, Verify(folder).Summary.Int("cached"));
    }

    [Fact]
    public void A_changed_expected_output_is_not_answered_from_the_cache()
    {
        using var folder = new TempFolder();
        var path = folder.Write("post.md", Post);
        Verify(folder);
        File.WriteAllText(path, Post.Replace("one\n```", "uno\n```"));
        Assert.Equal("output-mismatch", Verify(folder).Snippet("one").Str("reason"));
    }

    [Fact]
    public void No_cache_neither_reads_nor_writes_and_cache_dir_moves_it()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Post);
        Verify(folder, "--no-cache");
        Assert.False(Directory.Exists(Path.Combine(folder.Path, ".snippetcheck")));
        Verify(folder, "--cache-dir", "elsewhere");
        Assert.True(Directory.Exists(Path.Combine(folder.Path, "elsewhere")));
        Assert.Equal(2, Verify(folder, "--cache-dir", "elsewhere").Summary.Int("cached"));
    }

    [Fact]
    public async Task Two_runs_sharing_a_cache_at_once_both_get_correct_verdicts_and_leave_it_whole()
    {
        using var folder = new TempFolder();
        for (var i = 0; i < 6; i++) folder.Write($"post{i}.md", Post.Replace("one", $"one-{i}"));
        var runs = Enumerable.Range(0, 2)
            .Select(i => Task.Run(() => CliRunner.Run(folder.Path, "verify", ".", "--report", $"json=r{i}.json")))
            .ToArray();
        await Task.WhenAll(runs);
        foreach (var i in new[] { 0, 1 })
        {
            var report = JsonReport.Load(Path.Combine(folder.Path, $"r{i}.json"));
            Assert.Equal((12, 6), (report.Summary.Int("passed"), report.Summary.Int("failed")));
        }
        var third = CliRunner.Run(folder.Path, "verify", ".", "--report", "json=r2.json");
        var after = JsonReport.Load(Path.Combine(folder.Path, "r2.json"));
        Assert.Equal((12, 12), (after.Summary.Int("passed"), after.Summary.Int("cached")));
        Assert.Empty(Directory.GetFiles(Path.Combine(folder.Path, ".snippetcheck"), "*.tmp", SearchOption.AllDirectories));
        Assert.Equal(1, third.ExitCode);
    }
}
