using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>Issue 17, part 7: a run that verified nothing says so, and <c>--require-verified</c> fails it.</summary>
public sealed class NothingVerifiedTests
{
    private const string Untagged = "# Post\n\n```csharp\nvar x = 1;\n```\n\n```csharp\nclass A { }\n```\n\n```cs\nConsole.WriteLine(2);\n```\n";

    [Fact]
    public void A_run_of_untagged_blocks_passes_and_ends_with_a_hint_naming_adopt_and_all()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Untagged);

        var run = CliRunner.Run(folder.Path);

        // No path given: the bare commands cover the same folder.
        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.TrimEnd('\n').Split('\n');
        Assert.StartsWith("0 passed, 0 failed, 0 ignored, 3 untagged", lines[^2]);
        Assert.Equal("hint: nothing was verified: 3 C# blocks untagged; 'snippetcheck adopt' tags the ones that pass, 'snippetcheck --all' checks them all", lines[^1]);
        Assert.DoesNotContain("SC3010", run.Output);
    }

    [Fact]
    public void Require_verified_fails_a_run_that_verified_nothing_with_SC3010()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Untagged);

        var run = CliRunner.Run(folder.Path, "--require-verified");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("snippetcheck: error SC3010: nothing was verified (3 C# blocks, none passed or failed)", run.Stdout);
        Assert.EndsWith("'snippetcheck --all' checks them all\n", run.Stdout);
    }

    [Fact]
    public void Require_verified_in_config_fails_it_too_and_github_gets_an_error_annotation()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", "```csharp ignore\nnot code\n```\n");
        folder.Write("snippetcheck.json", "{ \"requireVerified\": true }");

        var run = CliRunner.Run(folder.Path, new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true" });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("::error title=Nothing verified (SC3010)::nothing was verified (1 C# block", run.Stdout);
        // No untagged block: no hint about adopting.
        Assert.DoesNotContain("hint: nothing was verified", run.Stdout);
    }

    [Fact]
    public void Require_verified_passes_once_one_snippet_is_verified_and_the_hint_is_gone()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Untagged + "\n```csharp compile\nclass B { }\n```\n");

        var run = CliRunner.Run(folder.Path, "--require-verified");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("1 passed, 0 failed, 0 ignored, 3 untagged", run.Stdout.TrimEnd('\n').Split('\n')[^1]);
        Assert.DoesNotContain("hint:", run.Stdout);
    }

    [Fact]
    public void A_misspelt_require_verified_config_value_is_a_config_error()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Untagged);
        folder.Write("snippetcheck.json", "{ \"requireVerified\": \"yes\" }");

        var run = CliRunner.Run(folder.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'requireVerified' must be true or false", run.Stderr);
    }
}
