using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary><c>snippetcheck --accept</c> on the command line: what it prints and its exit codes.</summary>
[Trait("Category", "Fast")]
public sealed class AcceptCommandTests
{
    [Fact]
    public void Exits_0_when_accepting_fixed_every_failure_and_the_next_run_passes()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", "```csharp run name=greet\nConsole.WriteLine(\"hello\");\n```\n\n```output\nhullo\n```\n");

        var accept = Infrastructure.CliRunner.Run(folder.Path, "--accept");

        Assert.Equal(0, accept.ExitCode);
        Assert.Equal(
            "post.md(5,1): accepted output for 'greet' (snippet at line 1)\n" +
            "--accept: 1 output block rewritten in 1 file\n",
            string.Concat(accept.Stdout.Split('\n').SkipLast(2).Select(l => l + "\n")));
        Assert.StartsWith("1 passed, 0 failed", accept.Stdout.Split('\n')[^2]);
        Assert.Equal(0, Infrastructure.CliRunner.Run(folder.Path).ExitCode);
    }

    [Fact]
    public void Exits_1_when_a_failure_remains_and_says_why_a_block_was_not_rewritten()
    {
        using var folder = new TempFolder();
        var markdown = "```csharp\nConsole.WriteLine(\"a\");\n```\n\n```output ellipsis\nb\n...\n```\n";
        folder.Write("post.md", markdown);

        var accept = Infrastructure.CliRunner.Run(folder.Path, "--accept");

        Assert.Equal(1, accept.ExitCode);
        Assert.Contains("post.md(5,1): not rewritten: ellipsis block; update it by hand (output of the snippet at line 1)", accept.Stdout);
        Assert.Contains("post.md(5,1): error SC2001: output differs", accept.Stdout);
        Assert.Equal(markdown, File.ReadAllText(Path.Combine(folder.Path, "post.md")));
    }

    [Fact]
    public void A_failure_accept_cannot_fix_is_not_silent()
    {
        using var folder = new TempFolder();
        var markdown = "```csharp run\nConsole.WriteLine(missing);\n```\n\n```output\n1\n```\n";
        folder.Write("post.md", markdown);

        var accept = Infrastructure.CliRunner.Run(folder.Path, "--accept");

        Assert.Equal(1, accept.ExitCode);
        Assert.Contains("--accept: 1 failure not accepted: only a mismatching output block can be rewritten; the others need a fix in the code", accept.Stdout);
        Assert.Contains("error CS0103", accept.Stdout);
        Assert.Equal(markdown, File.ReadAllText(Path.Combine(folder.Path, "post.md")));
    }

    [Fact]
    public void Cannot_be_combined_with_watch()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", "# nothing\n");

        var run = Infrastructure.CliRunner.Run(folder.Path, "--watch", "--accept");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--accept cannot be combined with --watch", run.Stderr);
    }
}
