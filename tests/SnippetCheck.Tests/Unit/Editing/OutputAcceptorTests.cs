using System.Text;
using SnippetCheck.Driver;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;
using SnippetCheck.Editing;

namespace SnippetCheck.Tests.Unit.Editing;

/// <summary>
/// <c>--accept</c> round trips: verify, accept, compare the file's bytes with the expected file (so any byte
/// changed outside the output block's body fails), then verify again and see it pass.
/// </summary>
public sealed class OutputAcceptorTests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Fact]
    public async Task Rewrites_only_the_body_of_a_CRLF_file()
    {
        var before = """
            # Title

            ```csharp run
            Console.WriteLine("new 1");
            Console.WriteLine("new 2");
            ```

            Some prose.

            ```output
            old
            ```

            The end.
            """.Replace("\n", "\r\n", StringComparison.Ordinal);
        var after = before.Replace("```output\r\nold\r\n```", "```output\r\nnew 1\r\nnew 2\r\n```", StringComparison.Ordinal);

        await AssertRoundTrip(Encoding.UTF8.GetBytes(before), Encoding.UTF8.GetBytes(after), accepted: 1);
    }

    [Fact]
    public async Task Keeps_the_byte_order_mark_and_non_ASCII_text()
    {
        var before = "---\ntitle: Ünïcödé\n---\n\n```csharp run\nConsole.WriteLine(\"héllo → wörld\");\n```\n\n```output\nhello\n```\n";
        var after = before.Replace("```output\nhello\n```", "```output\nhéllo → wörld\n```", StringComparison.Ordinal);

        await AssertRoundTrip([.. Bom, .. Encoding.UTF8.GetBytes(before)], [.. Bom, .. Encoding.UTF8.GetBytes(after)], accepted: 1);
    }

    [Fact]
    public async Task Keeps_list_indentation_and_list_markers_in_nested_lists()
    {
        var before = """
            1. First step:

               - ```csharp run
                 Console.WriteLine("a");
                 Console.WriteLine();
                 Console.WriteLine("  b");
                 ```
               - ```output
                 old
                 ```

            2. Second step.
            """ + "\n";
        var after = before.Replace("""
               - ```output
                 old
                 ```
            """, """
               - ```output
                 a

                   b
                 ```
            """, StringComparison.Ordinal);

        await AssertRoundTrip(Encoding.UTF8.GetBytes(before), Encoding.UTF8.GetBytes(after), accepted: 1);
    }

    [Fact]
    public async Task Keeps_block_quote_markers()
    {
        var before = """
            > A quote with code:
            >
            > ```csharp run
            > Console.WriteLine("x");
            > Console.WriteLine();
            > Console.WriteLine("y");
            > ```
            >
            > ```output
            > old
            > more old
            > ```
            """ + "\n";
        var after = before.Replace("> old\n> more old\n", "> x\n>\n> y\n", StringComparison.Ordinal);

        await AssertRoundTrip(Encoding.UTF8.GetBytes(before), Encoding.UTF8.GetBytes(after), accepted: 1);
    }

    [Fact]
    public async Task Fills_an_empty_output_block_as_a_placeholder()
    {
        var before = "```csharp\nConsole.WriteLine(\"filled\");\n```\n\n```output\n```\n";
        var after = "```csharp\nConsole.WriteLine(\"filled\");\n```\n\n```output\nfilled\n```\n";

        var outcome = await AssertRoundTrip(Encoding.UTF8.GetBytes(before), Encoding.UTF8.GetBytes(after), accepted: 1);

        Assert.Equal("post.md(5,1): filled empty output block for the snippet at line 1", outcome.Entries.Single().ToString());
    }

    [Fact]
    public async Task An_empty_output_block_fails_as_output_mismatch_when_the_snippet_prints()
    {
        var report = await Pipeline.VerifyAsync("```csharp\nConsole.WriteLine(\"x\");\n```\n\n```output\n```\n");

        var result = Assert.Single(report.Snippets);
        Assert.Equal(FailureReason.OutputMismatch, result.Reason);
    }

    [Fact]
    public async Task Lengthens_both_fences_when_the_output_holds_a_fence()
    {
        var before = "```csharp\nConsole.WriteLine(\"```\");\nConsole.WriteLine(\"````text\");\n```\n\n```output\nold\n```\n";
        var after = "```csharp\nConsole.WriteLine(\"```\");\nConsole.WriteLine(\"````text\");\n```\n\n`````output\n```\n````text\n`````\n";

        var outcome = await AssertRoundTrip(Encoding.UTF8.GetBytes(before), Encoding.UTF8.GetBytes(after), accepted: 1);

        Assert.EndsWith("; fences lengthened to 5 '`'", outcome.Entries.Single().Message);
    }

    [Fact]
    public async Task Leaves_a_tilde_fence_alone_when_the_output_holds_backticks()
    {
        var before = "```csharp\nConsole.WriteLine(\"```\");\n```\n\n~~~ output\nold\n~~~\n";
        var after = "```csharp\nConsole.WriteLine(\"```\");\n```\n\n~~~ output\n```\n~~~\n";

        await AssertRoundTrip(Encoding.UTF8.GetBytes(before), Encoding.UTF8.GetBytes(after), accepted: 1);
    }

    [Theory]
    [InlineData("ellipsis")]
    [InlineData("unordered")]
    public async Task Never_rewrites_ellipsis_or_unordered_blocks(string mode)
    {
        var markdown = $"```csharp\nConsole.WriteLine(\"a\");\n```\n\n```output {mode}\nb\n```\n";
        using var folder = new TempFolder();
        var path = folder.Write("post.md", markdown);

        var (report, outcome) = await VerifyAndAcceptAsync(folder);

        var entry = Assert.Single(outcome.Entries);
        Assert.False(entry.Accepted);
        Assert.Equal($"post.md(5,1): not rewritten: {mode} block; update it by hand (output of the snippet at line 1)", entry.ToString());
        Assert.Equal(markdown, File.ReadAllText(path));
        Assert.Empty(outcome.FilesWritten);
        Assert.False(outcome.Apply(report).Succeeded);
    }

    [Fact]
    public async Task Rewrites_every_mismatch_of_a_file_and_leaves_other_failures_alone()
    {
        var markdown = """
            ```csharp session=s
            Console.WriteLine("one");
            ```

            ```output
            1
            ```

            ```csharp session=s
            Console.WriteLine("two");
            ```

            ```output
            2
            ```

            ```csharp run exit=3
            Console.WriteLine("three");
            ```

            ```output
            3
            ```
            """ + "\n";
        using var folder = new TempFolder();
        var path = folder.Write("post.md", markdown);

        var (report, outcome) = await VerifyAndAcceptAsync(folder);

        Assert.Equal(2, outcome.AcceptedCount);
        // The exit-code failure is not an output mismatch: its output block stays as it was.
        Assert.Equal(markdown.Replace("1\n", "one\n", StringComparison.Ordinal).Replace("2\n", "two\n", StringComparison.Ordinal), File.ReadAllText(path));
        var applied = outcome.Apply(report);
        Assert.Equal(2, applied.Passed);
        Assert.Equal(FailureReason.ExitCode, Assert.Single(applied.Snippets, s => s.Status == SnippetStatus.Failed).Reason);
    }

    [Fact]
    public async Task Leaves_the_output_blocks_of_skipped_session_blocks_alone()
    {
        var markdown = """
            ```csharp session=s
            Console.WriteLine("before");
            throw new InvalidOperationException("stop");
            ```

            ```csharp session=s
            Console.WriteLine("never printed");
            ```

            ```output
            old
            ```
            """ + "\n";
        using var folder = new TempFolder();
        var path = folder.Write("post.md", markdown);

        var (report, outcome) = await VerifyAndAcceptAsync(folder);

        Assert.Contains(report.Snippets, s => s.Status == SnippetStatus.Skipped && s.Snippet.Output is not null);
        Assert.Empty(outcome.Entries);
        Assert.Equal(markdown, File.ReadAllText(path));
    }

    [Fact]
    public async Task Skips_a_file_that_changed_after_it_was_verified()
    {
        using var folder = new TempFolder();
        var path = folder.Write("post.md", "```csharp\nConsole.WriteLine(\"a\");\n```\n\n```output\nb\n```\n");
        var report = await new Verifier(new VerifyOptions { CurrentDirectory = folder.Path }).RunAsync();
        File.WriteAllText(path, "edited meanwhile\n");

        var outcome = OutputAcceptor.Accept(report);

        Assert.StartsWith("not rewritten: the file changed since it was verified", Assert.Single(outcome.Entries).Message);
        Assert.Equal("edited meanwhile\n", File.ReadAllText(path));
    }

    [Fact]
    public async Task Skips_a_file_that_is_not_valid_UTF8()
    {
        using var folder = new TempFolder();
        byte[] markdown = [.. "Caf"u8, 0xE9, .. "\n\n```csharp\nConsole.WriteLine(\"a\");\n```\n\n```output\nb\n```\n"u8];
        var path = Path.Combine(folder.Path, "post.md");
        File.WriteAllBytes(path, markdown);

        var (_, outcome) = await VerifyAndAcceptAsync(folder);

        Assert.StartsWith("not rewritten: the file is not valid UTF-8", Assert.Single(outcome.Entries).Message);
        Assert.Equal(markdown, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task Leaves_no_temporary_file_behind()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", "```csharp\nConsole.WriteLine(\"a\");\n```\n\n```output\nb\n```\n");

        await VerifyAndAcceptAsync(folder);

        Assert.Equal(["post.md"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    /// <summary>Accepts in a file holding <paramref name="before"/>, expects exactly <paramref name="after"/>, and a clean re-run.</summary>
    private static async Task<AcceptOutcome> AssertRoundTrip(byte[] before, byte[] after, int accepted)
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "post.md");
        File.WriteAllBytes(path, before);

        var (_, outcome) = await VerifyAndAcceptAsync(folder);

        Assert.Equal(accepted, outcome.AcceptedCount);
        Assert.Equal(["post.md"], outcome.FilesWritten);
        Assert.Equal(Encoding.UTF8.GetString(after), Encoding.UTF8.GetString(File.ReadAllBytes(path)));
        Assert.Equal(after, File.ReadAllBytes(path));
        var again = await new Verifier(new VerifyOptions { CurrentDirectory = folder.Path }).RunAsync();
        Assert.True(again.Succeeded, string.Join("\n", again.Snippets.Select(s => $"{s.Location}: {s.Status} {s.Message}\n{s.Detail}")));
        return outcome;
    }

    private static async Task<(VerificationReport Report, AcceptOutcome Outcome)> VerifyAndAcceptAsync(TempFolder folder)
    {
        var report = await new Verifier(new VerifyOptions { CurrentDirectory = folder.Path }).RunAsync();
        return (report, OutputAcceptor.Accept(report));
    }
}
