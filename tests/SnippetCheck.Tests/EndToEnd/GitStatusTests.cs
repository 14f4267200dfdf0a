using System.Diagnostics;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// The CLI in a fresh git repository: <c>adopt</c> (a dry run) and <c>verify</c> write their cache into
/// <c>.snippetcheck/</c>, which ignores itself, so <c>git status</c> shows only the post. In-process checks of the
/// folder are in Unit/Caching/ToolFolderTests; this one needs git and the real command line.
/// </summary>
public sealed class GitStatusTests
{
    [Fact]
    public void Adopt_and_verify_leave_git_status_listing_only_the_post()
    {
        using var folder = new TempFolder();
        Git(folder.Path, "init", "--quiet");
        folder.Write("post.md", "# Post\n\n```csharp run\nConsole.WriteLine(42);\n```\n\n```output\n42\n```\n\n```csharp\nvar x = 1;\n```\n");

        var adopt = CliRunner.Run(folder.Path, "adopt");
        var verify = CliRunner.Run(folder.Path, "verify");

        Assert.True(adopt.ExitCode == 0, adopt.Output);
        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.True(Directory.Exists(Path.Combine(folder.Path, ".snippetcheck", "cache")), "the runs kept no results");
        Assert.Equal("?? post.md\n", Git(folder.Path, "status", "--porcelain", "--untracked-files=all"));
    }

    private static string Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git", args) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        // The test machine's own git configuration (a global excludes file) must not hide what the tool left behind.
        start.Environment["GIT_CONFIG_GLOBAL"] = Path.Combine(directory, ".git", "no-global-config");
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {error.Result}");
        return output.Result;
    }
}
