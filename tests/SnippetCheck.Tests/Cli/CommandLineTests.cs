using SnippetCheck.Cli;
using SnippetCheck.Cli.Commands;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>Exit codes and the contract of the command line, on the real CLI.</summary>
public sealed class CommandLineTests
{
    private const string MismatchingPost = "```csharp run\nConsole.WriteLine(1);\n```\n```output\n2\n```\n";

    [Fact]
    public void A_passing_post_exits_0()
    {
        using var folder = new TempFolder();
        folder.Write("ok.md", "```csharp run\nConsole.WriteLine(2 + 2);\n```\n```output\n4\n```\n");
        var result = CliRunner.Run(folder.Path, "ok.md");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("1 passed, 0 failed, 0 ignored, 0 untagged (1 C# block in 1 file) in ", result.Stdout.Trim());
    }

    /// <summary>The other tests invoke the command line in process; the tool's own process exits with the same codes.</summary>
    [Fact]
    public void The_process_exits_0_1_or_2_as_the_command_returns()
    {
        using var folder = new TempFolder();
        folder.Write("ok.md", "```csharp run\nConsole.WriteLine(2 + 2);\n```\n```output\n4\n```\n");
        folder.Write("bad.md", MismatchingPost);
        Assert.Equal(0, CliRunner.RunProcess(folder.Path, null, "ok.md", "--no-cache").ExitCode);
        Assert.Equal(1, CliRunner.RunProcess(folder.Path, null, "bad.md", "--no-cache").ExitCode);
        Assert.Equal(2, CliRunner.RunProcess(folder.Path, null, "verify", "--no-such-option").ExitCode);
    }

    [Fact]
    public void Bad_arguments_exit_2()
    {
        using var folder = new TempFolder();
        Assert.Equal(2, CliRunner.Run(folder.Path, "verify", "--timeout", "soon").ExitCode);
        Assert.Equal(2, CliRunner.Run(folder.Path, "verify", "--parallel", "0").ExitCode);
        Assert.Equal(2, CliRunner.Run(folder.Path, "verify", "--report", "pdf").ExitCode);
        Assert.Equal(2, CliRunner.Run(folder.Path, "verify", "--ci", "travis").ExitCode);
        Assert.Equal(2, CliRunner.Run(folder.Path, "verify", "--no-such-option").ExitCode);
    }

    [Theory]
    [InlineData("posts", "a.md", "--all", "--filter", "x", "--timeout", "2s", "--parallel", "2", "--report", "json=r.json", "--report", "sarif",
        "--ci", "none", "--config", "c.json", "--no-cache", "--cache-dir", "c", "--no-merge", "-v", "--shard", "1/2", "--accept")]
    [InlineData("verify", "posts", "--watch", "--verbose", "--ci", "auto")]
    [InlineData("list", "posts", "--filter", "x", "--config", "c.json", "--report", "JSON=blocks.json")]
    [InlineData("init")]
    public void Every_command_and_option_parses_as_documented(params string[] args) =>
        Assert.Empty(SnippetCheckCommand.Build().Parse(args).Errors);

    [Theory]
    [InlineData("adopt")]
    [InlineData("verify")]
    [InlineData("list")]
    public void A_subcommands_usage_shows_its_own_paths_not_the_root_commands(string command)
    {
        // Issue 58: the root's paths ('snippetcheck posts') leaked into every usage line: 'snippetcheck [<paths>...] adopt'.
        var help = CliRunner.Run(Path.GetTempPath(), command, "--help").Stdout;
        // The root's name is the process's: snippetcheck, or the test host here.
        Assert.Matches($@"(?m)^  \S+ {command} \[<paths>\.\.\.\] \[options\]", help);
        Assert.DoesNotContain($"[<paths>...] {command}", help, StringComparison.Ordinal);
    }

    [Fact]
    public void The_root_command_still_verifies_the_paths_it_is_given()
    {
        var root = SnippetCheckCommand.Build();
        Assert.Equal(["posts", "a.md"], root.Parse(["posts", "a.md"]).GetValue(CommonOptions.RootPaths)!);
        Assert.Equal(["posts"], root.Parse(["verify", "posts"]).GetValue(CommonOptions.Paths)!);
    }

    [Fact]
    public void Ci_is_auto_unless_given_and_parses_in_any_case()
    {
        var root = SnippetCheckCommand.Build();
        // Not given, the core reads it as auto (CommonOptions.Reports); given, in any case, the core reads the mode.
        Assert.Null(root.Parse(["verify", "posts"]).GetValue(VerifyCommand.CiOption));
        var gitHub = root.Parse(["posts", "--ci", "GitHub"]);
        Assert.Empty(gitHub.Errors);
        Assert.True(CommonOptions.Reports(gitHub, VerifyCommand.ReportOption, VerifyCommand.CiOption).ConsoleIsGitHubLog);
        Assert.Contains(root.Parse(["verify", "--ci", "jenkins"]).Errors, e => e.Message == "--ci 'jenkins' is not a CI mode (use auto, none, github)");
        Assert.Contains(root.Parse(["verify", "--watch", "--ci", "github"]).Errors, e => e.Message.Contains("--watch", StringComparison.Ordinal));
    }

    [Fact]
    public void No_markdown_files_exits_2()
    {
        using var folder = new TempFolder();
        var result = CliRunner.Run(folder.Path, "verify");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("SC3004", result.Stderr);
        Assert.Equal(2, CliRunner.Run(folder.Path, "verify", "missing.md").ExitCode);
    }

    [Fact]
    public void A_bad_config_file_exits_2_naming_the_file_and_key()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", "```csharp run\nConsole.WriteLine(1);\n```\n");
        folder.Write("snippetcheck.json", "{\n  \"strict\": true\n}\n");
        var result = CliRunner.Run(folder.Path, "verify");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("snippetcheck.json(2,1): unknown key 'strict'", result.Stderr);
    }

    [Fact]
    public void A_bad_front_matter_key_is_an_error_entry_with_exit_1_and_the_post_is_still_verified()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", "---\ntitle: x\nsnippetcheck:\n  timeot: 1s\n---\n```csharp run\nConsole.WriteLine(1);\n```\n");
        var result = CliRunner.Run(folder.Path, "verify", "--report", "json=r.json");
        Assert.Equal(1, result.ExitCode);
        var report = JsonReport.Load(Path.Combine(folder.Path, "r.json"));
        var error = Assert.Single(report.Root.GetProperty("errors").EnumerateArray());
        Assert.Equal(("post.md", 4, "SC3002"), (error.Str("file"), error.Int("line"), error.Str("code")));
        Assert.Equal("passed", report.Snippets.Single().Str("status"));
    }

    [Fact]
    public void Front_matter_skip_reports_the_blocks_as_skipped()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", "---\nsnippetcheck: skip\n---\n```csharp run\nthis does not compile\n```\n");
        var result = CliRunner.Run(folder.Path, "verify");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 skipped", result.Stdout);
    }

    [Fact]
    public void Front_matter_timeout_overrides_the_config_file()
    {
        using var folder = new TempFolder();
        folder.Write("snippetcheck.json", "{ \"timeout\": \"300ms\" }");
        folder.Write("slow.md", "---\nsnippetcheck:\n  timeout: 5s\n---\n```csharp run\nThread.Sleep(1000);\n```\n");
        folder.Write("fast.md", "```csharp run\nThread.Sleep(1000);\n```\n");
        var result = CliRunner.Run(folder.Path, "verify", "--report", "json=r.json");
        var report = JsonReport.Load(Path.Combine(folder.Path, "r.json"));
        Assert.Equal("passed", report.Snippets.Single(s => s.Str("file") == "slow.md").Str("status"));
        Assert.Equal("timeout", report.Snippets.Single(s => s.Str("file") == "fast.md").Str("reason"));
    }

    [Fact]
    public void Init_writes_a_commented_starter_config_once()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, CliRunner.Run(folder.Path, "init").ExitCode);
        Assert.Contains("// SnippetCheck configuration", File.ReadAllText(Path.Combine(folder.Path, "snippetcheck.json")));
        Assert.Equal(2, CliRunner.Run(folder.Path, "init").ExitCode);
    }

    [Fact]
    public void Init_says_what_to_do_next_and_that_the_cache_ignores_itself_and_adds_it_to_gitignore_only_when_asked()
    {
        using var folder = new TempFolder();
        folder.Write(".gitignore", "bin/");
        var quiet = CliRunner.Run(folder.Path, "init");
        Assert.Contains("snippetcheck verify", quiet.Stdout, StringComparison.Ordinal);
        // Issue 58: the folder writes its own .gitignore of '*', so init never tells the author to do it.
        Assert.Contains(".snippetcheck/ (the result cache) ignores itself", quiet.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("add it to .gitignore", quiet.Stdout, StringComparison.Ordinal);
        Assert.Equal("bin/", File.ReadAllText(Path.Combine(folder.Path, ".gitignore")));

        File.Delete(Path.Combine(folder.Path, "snippetcheck.json"));
        Assert.Contains("Added .snippetcheck/ to .gitignore", CliRunner.Run(folder.Path, "init", "--gitignore").Stdout, StringComparison.Ordinal);
        Assert.Equal("bin/\n.snippetcheck/\n", File.ReadAllText(Path.Combine(folder.Path, ".gitignore")).ReplaceLineEndings("\n"));

        File.Delete(Path.Combine(folder.Path, "snippetcheck.json"));
        Assert.DoesNotContain(".gitignore", CliRunner.Run(folder.Path, "init", "--gitignore").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_skipped_block_says_why_without_verbose()
    {
        using var folder = new TempFolder();
        folder.Write("s.md", "```csharp run session=s\n#:bogus x\nConsole.WriteLine(1);\n```\n\n```csharp run session=s\nConsole.WriteLine(2);\n```\n");
        var result = CliRunner.Run(folder.Path, "s.md");
        Assert.Contains("s.md(6,1): skipped run: not run: session 's' has a bad directive (see the block at line 1)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_blocks_of_a_session_skipped_for_one_reason_make_one_line()
    {
        using var folder = new TempFolder();
        folder.Write("s.md", "```csharp run session=s\nConsole.WriteLine(missing);\n```\n\n" +
            string.Concat(Enumerable.Range(2, 3).Select(i => $"```csharp run session=s\nConsole.WriteLine({i});\n```\n\n")));

        var result = CliRunner.Run(folder.Path, "s.md");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("s.md(5,1): skipped 3 blocks of session 's': not run: session 's' did not compile (error CS0103 at line 2)", result.Stdout, StringComparison.Ordinal);
        Assert.Single(result.Stdout.Split('\n'), l => l.Contains("skipped", StringComparison.Ordinal) && !l.Contains(" passed, ", StringComparison.Ordinal));
        Assert.Equal(3, CliRunner.Run(folder.Path, "s.md", "-v").Stdout.Split('\n').Count(l => l.Contains(": skipped run: not run", StringComparison.Ordinal)));
    }

    [Fact]
    public void Filter_selects_by_name_file_or_file_and_line()
    {
        using var folder = new TempFolder();
        folder.CopySample("rot.md");
        folder.CopySample("sessions.md");
        // The summary counts the files the filter matched, not every file read to find them.
        Assert.Contains("(1 C# block in 1 file)", CliRunner.Run(folder.Path, "verify", "--filter", "squares").Stdout);
        Assert.Contains("(1 C# block", CliRunner.Run(folder.Path, "verify", "--filter", "rot.md:24").Stdout);
        Assert.Contains("(3 C# blocks", CliRunner.Run(folder.Path, "verify", "--filter", "rot.md").Stdout);
    }

    [Fact]
    public void List_shows_blocks_and_tags_without_compiling()
    {
        using var folder = new TempFolder();
        folder.CopySample("rot.md");
        var result = CliRunner.Run(folder.Path, "list", "rot.md", "--report", "json=blocks.json");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("rot.md(8,1): run — tags: run name=squares; output at line 15", result.Stdout);
        var blocks = JsonReport.Load(Path.Combine(folder.Path, "blocks.json")).Root.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal(3, blocks.Count);
        Assert.Equal((23, 4, 32, 3), (blocks[1].Int("line"), blocks[1].Int("column"), blocks[2].Int("line"), blocks[2].Int("column")));
    }

    [Fact]
    public void List_rejects_a_report_format_other_than_json_by_name()
    {
        using var folder = new TempFolder();
        folder.CopySample("rot.md");
        foreach (var format in new[] { "junit", "sarif", "markdown", "github" })
        {
            var result = CliRunner.Run(folder.Path, "list", "rot.md", "--report", $"{format}=blocks.out");
            Assert.Equal(2, result.ExitCode);
            Assert.Contains($"snippetcheck: list writes only json reports, not {format}", result.Stderr);
            Assert.False(File.Exists(Path.Combine(folder.Path, "blocks.out")));
        }
    }

    [Fact]
    public void Ci_none_writes_no_annotations_or_step_summary_even_on_github_actions()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", MismatchingPost);
        var summary = Path.Combine(folder.Path, "summary.md");
        var gitHubActions = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary };

        var auto = CliRunner.Run(folder.Path, gitHubActions, "verify", "post.md");
        Assert.Equal(1, auto.ExitCode);
        Assert.Contains(auto.Stdout.Split('\n'), l => l.StartsWith("::error file=post.md,", StringComparison.Ordinal));
        Assert.True(File.Exists(summary), "the default, auto, is github on GitHub Actions");

        File.Delete(summary);
        var none = CliRunner.Run(folder.Path, gitHubActions, "verify", "post.md", "--ci", "none");
        Assert.Equal(1, none.ExitCode);
        Assert.DoesNotContain("::error", none.Output);
        Assert.False(File.Exists(summary));
    }

    [Fact]
    public void Ci_github_writes_annotations_without_the_github_actions_variable()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", MismatchingPost);

        var result = CliRunner.Run(folder.Path, "verify", "post.md", "--ci", "github");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.Stdout.Split('\n'), l => l.StartsWith("::error file=post.md,", StringComparison.Ordinal));
        Assert.DoesNotContain("::error", CliRunner.Run(folder.Path, "verify", "post.md").Output);
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

public sealed class FailureLocationTests
{
    [Fact]
    public void An_unexpected_exception_points_at_the_throwing_line_without_runner_frames()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", "```csharp run\nConsole.WriteLine(1);\nint Fail() => throw new InvalidOperationException(\"no\");\nFail();\n```\n");
        var result = CliRunner.Run(folder.Path, "verify", "post.md");
        Assert.Contains("post.md(3,1): error SC2003: unhandled exception System.InvalidOperationException: no", result.Stdout);
        Assert.DoesNotContain("System.Reflection", result.Stdout);
    }

    [Fact]
    public void A_filter_that_matches_nothing_is_an_error()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", "```csharp run name=a\nConsole.WriteLine(1);\n```\n");
        var result = CliRunner.Run(folder.Path, "verify", "--filter", "b");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error SC3004: --filter 'b' matched no snippet", result.Output);
    }

    [Fact]
    public void A_compile_error_is_not_printed_twice()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", "```csharp run\nConsole.WriteLine(missing);\n```\n");
        var result = CliRunner.Run(folder.Path, "verify", "post.md");
        Assert.Single(result.Stdout.Split('\n'), l => l.Contains("CS0103"));
    }
}
