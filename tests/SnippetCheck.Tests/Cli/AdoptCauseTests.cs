using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// Issue 26, part 5: what <c>adopt</c> leaves unverified says why, on the console and in <c>--report json=PATH</c>:
/// a fragment (with the token the parser stopped at), an unknown name, or another compile error.
/// </summary>
public sealed class AdoptCauseTests
{
    private const string Post = """
        # Causes

        ```csharp
        var total = ...;
        ```

        ```csharp
        Console.WriteLine(string.Join(", ", Frobnicate(3)));
        ```

        ```csharp
        public Widget Make() => new Widget();
        ```

        ```csharp
        int count = "three";
        ```

        ```csharp
        Console.WriteLine(6 * 7);
        ```

        ```csharp
        foreach (var item in new[] { 1, 2 })
        {
        ```

        ```csharp
        Substitute.Clear();
        int count = "three";
        ```
        """;

    [Fact]
    public void Each_block_that_stays_unverified_says_why_and_the_json_report_lists_every_block()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Post);

        var run = CliRunner.Run(folder.Path, "adopt", "--report", "json=adopt.json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("why the rest stays unverified (adopt --report json=PATH lists every block):", run.Stdout);
        Assert.Contains("      2  fragment           e.g. post.md(4,13): Unexpected character sequence '...'\n", run.Stdout);
        Assert.Contains("      2  unknown-name       e.g. post.md(12,8): 'Widget'\n", run.Stdout);
        Assert.Contains("      1  compile-error      e.g. post.md(16,13): CS0029: ", run.Stdout);

        var json = AdoptJsonReport.Load(Path.Combine(folder.Path, "adopt.json"));
        var summary = json.Summary;
        Assert.Equal((7, 1, 1, 5), (summary.GetProperty("blocks").GetInt32(), summary.GetProperty("adopted").GetInt32(),
            summary.GetProperty("checked").GetInt32(), summary.GetProperty("stillFailing").GetInt32()));
        Assert.Equal((2, 2, 0, 1), (summary.GetProperty("fragment").GetInt32(), summary.GetProperty("unknown-name").GetInt32(),
            summary.GetProperty("package-not-found").GetInt32(), summary.GetProperty("compile-error").GetInt32()));

        var blocks = json.Blocks;
        Assert.Equal("run", blocks[19].GetProperty("tag").GetString());
        Assert.Equal(("fragment", 4), (blocks[3].GetProperty("cause").GetString(), blocks[3].GetProperty("causeLine").GetInt32()));
        // An unknown name around a real call: checked, and counted apart from the verified blocks.
        Assert.Equal("check", blocks[7].GetProperty("tag").GetString());
        // Members outside a type parse as C#: what they lack is a name, not syntax.
        Assert.Equal(("unknown-name", "'Widget'"), (blocks[11].GetProperty("cause").GetString(), blocks[11].GetProperty("detail").GetString()));
        Assert.Equal("compile-error", blocks[15].GetProperty("cause").GetString());
        Assert.StartsWith("CS0029: ", blocks[15].GetProperty("detail").GetString(), StringComparison.Ordinal);
        // A block cut off before its end: the parser stops at the end of the block, on its last line.
        Assert.Equal(("fragment", "end of block: } expected", 25),
            (blocks[23].GetProperty("cause").GetString(), blocks[23].GetProperty("detail").GetString(), blocks[23].GetProperty("causeLine").GetInt32()));
        // An unknown name first, another error after it: the name is what the block lacks first.
        Assert.Equal(("unknown-name", "'Substitute' (and 1 other error)"), (blocks[28].GetProperty("cause").GetString(), blocks[28].GetProperty("detail").GetString()));
    }

    [Fact]
    public void Adopt_writes_only_json_reports()
    {
        using var folder = new TempFolder();

        var run = CliRunner.Run(folder.Path, "adopt", "--report", "sarif=out.sarif");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("adopt writes only json reports, not sarif", run.Stderr);
    }
}
