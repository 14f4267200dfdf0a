using SnippetCheck.MSBuild.Tests.Infrastructure;

namespace SnippetCheck.MSBuild.Tests;

/// <summary>
/// End-to-end: the package's properties (SnippetCheckFailuresAsWarnings, SnippetCheckEnabled) and the CLI's
/// own failures, through real <c>dotnet build</c> runs of a project that references the packed package.
/// </summary>
[Trait("Category", "EndToEnd")]
[TakesSeconds(118)]
public sealed class BuildOptionsTests
{
    private const string CliInvocation = "snippetcheck.dll verify";

    [Fact]
    public void Failures_as_warnings_let_the_build_pass_and_are_reported_again_until_fixed()
    {
        using var project = PackedPackage.Instance.CreateProject(
            "warnings", Posts.NetLibrary + "<SnippetCheckFailuresAsWarnings>true</SnippetCheckFailuresAsWarnings>");
        project.Write("posts/post.md", Posts.Rotten);

        var first = project.Build();
        var second = project.Build();

        foreach (var result in new[] { first, second })
        {
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Matches(@"posts[/\\]post\.md\(11,1\): warning SC2001: output differs", result.Output);
            Assert.DoesNotContain("error SC2001", result.Output);
        }
    }

    [Fact]
    public void A_cli_that_cannot_run_fails_the_build_even_with_failures_as_warnings()
    {
        using var project = PackedPackage.Instance.CreateProject(
            "bad-config", Posts.NetLibrary + "<SnippetCheckFailuresAsWarnings>true</SnippetCheckFailuresAsWarnings>");
        project.Write("posts/post.md", Posts.Fixed);
        project.Write("snippetcheck.json", """{ "bogus": 1 }""");

        var result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches(@"snippetcheck\.json\(1,\d+\): error SC3001: snippetcheck: .*'bogus'", result.Output);
    }

    [Fact]
    public void On_github_actions_a_failure_is_a_build_error_only_not_also_an_annotation_or_step_summary()
    {
        using var project = PackedPackage.Instance.CreateProject("github-actions", Posts.NetLibrary);
        project.Write("posts/post.md", Posts.Rotten);
        var summary = Path.Combine(project.Directory, "step-summary.md");

        var result = project.Build(new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches(@"posts[/\\]post\.md\(11,1\): error SC2001: output differs", result.Output);
        Assert.DoesNotContain("::error", result.Output);
        Assert.False(File.Exists(summary), "the task runs the CLI with --ci none");
    }

    [Fact]
    public void Nothing_is_checked_when_disabled_or_when_the_project_has_no_markdown_which_is_worth_a_warning()
    {
        using var disabled = PackedPackage.Instance.CreateProject("disabled", Posts.NetLibrary + "<SnippetCheckEnabled>false</SnippetCheckEnabled>");
        disabled.Write("posts/post.md", Posts.Rotten);
        using var withoutPosts = PackedPackage.Instance.CreateProject("no-posts", Posts.NetLibrary);

        var whenDisabled = disabled.Build();
        var whenWithoutPosts = withoutPosts.Build();

        foreach (var result in new[] { whenDisabled, whenWithoutPosts })
        {
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.DoesNotContain(CliInvocation, result.Output);
        }
        // Checking nothing is worth a warning (issue 16, bug 3); turning the check off is not.
        Assert.DoesNotContain("SC3009", whenDisabled.Output);
        Assert.Contains("warning SC3009: SnippetCheck found no documents to verify", whenWithoutPosts.Output);
    }

    [Fact]
    public void The_restored_fast_build_of_the_same_version_runs_instead_of_the_carried_cli_unless_turned_off()
    {
        if (OperatingSystem.IsWindows()) return; // the stand-in below is a shell script
        using var project = PackedPackage.Instance.CreateProject("fast-build", Posts.NetLibrary, carriedCli: true);
        project.Write("posts/post.md", Posts.Rotten);
        // Where a local tool manifest or a PackageDownload puts SnippetCheck.<rid> of this version: a stand-in that
        // says it ran and passes everything, so the rotten post passes only if the build ran it.
        var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        var fast = Path.Combine(project.PackagesFolder, $"snippetcheck.{rid}", PackedPackage.Instance.Version.ToLowerInvariant(), "tools", "any", rid, "snippetcheck");
        Directory.CreateDirectory(Path.GetDirectoryName(fast)!);
        File.WriteAllText(fast, "#!/bin/sh\necho \"the fast build ran: $*\"\necho \"1 passed, 0 failed, 0 ignored, 0 untagged (1 C# block in 1 file) in 0.1s\"\n");
        File.SetUnixFileMode(fast, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var withFast = project.Build();
        var withoutFast = project.Build("-p:SnippetCheckUseFastBuild=false", "--no-incremental");

        Assert.True(withFast.ExitCode == 0, withFast.ToString());
        Assert.Contains("the fast build ran: verify --ci none", withFast.Output);
        Assert.NotEqual(0, withoutFast.ExitCode);
        Assert.DoesNotContain("the fast build ran", withoutFast.Output);
        Assert.Matches(@"posts[/\\]post\.md\(11,1\): error SC2001: output differs", withoutFast.Output);
    }
}
