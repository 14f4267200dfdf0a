using SnippetCheck.MSBuild.Tests.Infrastructure;

namespace SnippetCheck.MSBuild.Tests;

/// <summary>
/// End-to-end: a real project references the packed package and <c>dotnet build</c> verifies its posts.
/// Slow by nature (each build about 10 seconds); run them alone with <c>--filter Category=EndToEnd</c>.
/// </summary>
[Trait("Category", "EndToEnd")]
[TakesSeconds(59)]
public sealed class BuildFailureTests
{
    private const string SkippedTarget = "Skipping target \"SnippetCheck\" because all output files are up-to-date";
    private const string CliInvocation = "snippetcheck.dll verify";

    [Fact]
    public void A_rotten_post_fails_the_build_at_its_line_passes_once_fixed_and_is_not_checked_again_unchanged()
    {
        using var project = PackedPackage.Instance.CreateProject("rotten", Posts.NetApp, carriedCli: true);
        project.Write("Program.cs", Posts.Program);
        project.Write("posts/post.md", Posts.Rotten);

        // An errors-only log holds just the error messages: the diff must be in the error, not only at -v:n.
        var rotten = project.Build("-flp:errorsonly;logfile=errors.log");
        Assert.NotEqual(0, rotten.ExitCode);
        Assert.Matches(@"posts[/\\]post\.md\(11,1\): error SC2001: output differs", rotten.Output);
        var errors = File.ReadAllText(Path.Combine(project.Directory, "errors.log"));
        Assert.Contains("- {total} = 9", errors);
        Assert.Contains("+ {total} = 10", errors);
        Assert.Contains("dotnet build -t:SnippetCheckAccept updates the output block", errors);

        project.Write("posts/post.md", Posts.Fixed);
        var fixedBuild = project.Build();
        Assert.True(fixedBuild.ExitCode == 0, fixedBuild.ToString());
        Assert.Contains("1 passed, 0 failed", fixedBuild.Output);

        var unchanged = project.Build();
        Assert.True(unchanged.ExitCode == 0, unchanged.ToString());
        Assert.Contains(SkippedTarget, unchanged.Output);
        Assert.DoesNotContain(CliInvocation, unchanged.Output);
    }

    [Fact]
    public void A_compile_error_in_a_snippet_is_reported_at_its_markdown_line_and_column()
    {
        using var project = PackedPackage.Instance.CreateProject("compile-error", Posts.NetLibrary);
        project.Write("posts/post.md", Posts.CompileError);

        var result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches(@"posts[/\\]post\.md\(7,32\): error CS0103: The name 'nmae' does not exist", result.Output);
    }
}
