using System.Text.Json;
using SnippetCheck.Adoption;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;
using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;

namespace SnippetCheck.Tests.Unit.Adoption.Proposals;

/// <summary>
/// Issue 26, part 5: what <c>adopt</c> leaves unverified says why, in its table and in <c>--report json=PATH</c> (both
/// rendered here in process from the run's files): a fragment (with the token the parser stopped at), an unknown name, or
/// another compile error. The compiler's answers are canned; the parser's reading of a fragment is the real one.
/// </summary>
public sealed class CauseReportTests
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

    /// <summary>
    /// The compiler, canned, by fence line: what it reports of each block; the block around a real call passes at the check
    /// level (its unknown name aside), and the one that prints runs.
    /// </summary>
    private static SnippetResult Compiler(Snippet s) => s.Location.Line switch
    {
        3 => Failed(s, "CS1525", "total", "Invalid expression term '.'"),
        7 => s.Tags.Kind == SnippetKind.Check ? Passed(s) : Unknown(s, "Frobnicate"),
        11 => Failed(s, "CS0246", "Widget", "The type or namespace name 'Widget' could not be found"),
        15 => Errors(s, ("CS0029", 16, 13)),
        19 => Passed(s, s.Tags.Kind == SnippetKind.Run ? "42\n" : null),
        23 => Failed(s, "CS1513", "item", "} expected"),
        28 => Errors(s, ("CS0103", 29, 1), ("CS0029", 30, 13)),
        _ => throw new InvalidOperationException($"no block at line {s.Location.Line}"),
    };

    [Fact]
    public async Task Each_block_that_stays_unverified_says_why_and_the_json_report_lists_every_block()
    {
        var files = await AdoptionHarness.ProposeAsync(new CannedTrials(Compiler), AdoptionHarness.Page(Post, "post.md"));
        var report = new AdoptReport(files, [], write: false, TimeSpan.Zero);

        var table = string.Join('\n', report.TableLines()) + "\n";
        Assert.Contains("why the rest stays unverified (adopt --report json=PATH lists every block):", table);
        Assert.Contains("      2  fragment           e.g. post.md(4,13): Unexpected character sequence '...'\n", table);
        Assert.Contains("      2  unknown-name       e.g. post.md(12,8): 'Widget'\n", table);
        Assert.Contains("      1  compile-error      e.g. post.md(16,13): CS0029: ", table);

        using var stream = new MemoryStream();
        report.WriteJson(stream);
        var json = new AdoptJsonReport(JsonDocument.Parse(stream.ToArray()));
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

    /// <summary>A compile failure with each error at its page line and column (the compiler's own places).</summary>
    private static SnippetResult Errors(Snippet snippet, params (string Id, int Line, int Column)[] errors)
    {
        var found = errors.Select(e => Diagnostic.Error(e.Id, e.Id == "CS0103" ? "The name 'Substitute' does not exist in the current context"
            : "Cannot implicitly convert type 'string' to 'int'", new SourceLocation(snippet.Location.File, e.Line, e.Column))).ToList();
        return new(snippet, new Verdict.Failed(new CompileErrorFailure(found, null)), found, null, TimeSpan.Zero);
    }
}
