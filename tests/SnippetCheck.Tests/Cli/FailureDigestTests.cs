using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>Issue 17: a verify run with more than 50 failures closes with a digest, so a big <c>--all</c> run reads in one screen.</summary>
public sealed class FailureDigestTests
{
    private static string Broken(int count, Func<int, string> code) =>
        string.Concat(Enumerable.Range(0, count).Select(i => $"```csharp\n{code(i)}\n```\n\n"));

    [Fact]
    public void A_run_with_more_than_50_failures_ends_with_failures_per_file_and_the_top_codes_before_the_summary()
    {
        using var folder = new TempFolder();
        folder.Write("a.md", Broken(40, i => $"var x = nope{i};"));
        folder.Write("b.md", Broken(11, _ => "int y = \"s\";"));

        var run = CliRunner.Run(folder.Path, "--all", "--no-cache");

        Assert.Equal(1, run.ExitCode);
        var lines = run.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(
            [
                "digest: 51 failures in 2 files",
                "failures per file:",
                "     40  a.md",
                "     11  b.md",
                "top error codes:",
                "     40  CS0103  e.g. a.md(2,9): The name 'nope0' does not exist in the current context",
                "     11  CS0029  e.g. b.md(2,9): Cannot implicitly convert type 'string' to 'int'",
            ],
            lines[^9..^2]);
        // A failed block is not verified (issue 54): the coverage line says none was.
        Assert.Equal("verified 0 of 51 C# blocks (0 %)", lines[^2]);
        Assert.StartsWith("0 passed, 51 failed", lines[^1]);
    }

    [Fact]
    public void A_run_with_50_failures_has_no_digest()
    {
        using var folder = new TempFolder();
        folder.Write("a.md", Broken(50, i => $"var x = nope{i};"));

        var run = CliRunner.Run(folder.Path, "--all", "--no-cache");

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("digest:", run.Stdout);
        Assert.StartsWith("0 passed, 50 failed", run.Stdout.TrimEnd('\n').Split('\n')[^1]);
    }
}
