using System.Diagnostics;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// The release scripts under eng/release/ with a fake tag and nothing pushed: the version a tag names, the notes a
/// changelog holds, and what the publishing scripts would push in a dry run. Packing is ToolInstallTests, in the
/// MSBuild test project.
/// </summary>
public sealed class ReleaseScriptTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("v1.2.3", "1.2.3", "false")]
    [InlineData("v1.2.3-beta.1", "1.2.3-beta.1", "true")]
    [InlineData("v0.10.0", "0.10.0", "false")]
    [InlineData("refs/tags/v9.8.7-test.1", "9.8.7-test.1", "true")]
    public void A_v_tag_names_its_version(string tag, string version, string prerelease)
    {
        var outputs = Path.Combine(_folder.Path, "github-output");

        var run = Run("version-from-tag.sh", new() { ["GITHUB_OUTPUT"] = outputs }, tag);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(version + "\n", run.Stdout);
        Assert.Equal($"version={version}\nprerelease={prerelease}\n", File.ReadAllText(outputs));
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("v1.2")]
    [InlineData("v01.2.3")]
    [InlineData("v1.2.3-")]
    [InlineData("v1.2.3-beta..1")]
    [InlineData("v1.2.3-01")]
    [InlineData("v1.2.3+build.5")]
    [InlineData("release-1.2.3")]
    public void A_tag_that_is_not_v_and_SemVer_is_refused(string tag)
    {
        var run = Run("version-from-tag.sh", [], tag);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains($"the tag '{tag}' is not 'v' followed by a SemVer version, such as v1.2.3 or v1.2.3-beta.1", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_script_without_its_arguments_prints_its_usage()
    {
        foreach (var script in new[] { "version-from-tag.sh", "changelog-notes.sh", "pack.sh", "vsix.sh", "publish-nuget.sh", "github-release.sh", "publish-vsix.sh" })
        {
            var run = Run(script, []);
            Assert.True(run.ExitCode == 2, $"{script}: exit code {run.ExitCode}\n{run.Stderr}");
            Assert.StartsWith("usage: ", run.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_notes_are_the_version_s_changelog_section_alone()
    {
        var changelog = _folder.Write("CHANGELOG.md", SampleChangelog);

        var run = Run("changelog-notes.sh", [], "9.8.7-test.1", "--changelog", changelog);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("### Added\n\n- The release workflow.\n\n### Fixed\n\n- Packing from an empty NuGet cache.\n", run.Stdout);
    }

    [Fact]
    public void The_last_section_s_notes_stop_at_the_link_references()
    {
        var changelog = _folder.Write("CHANGELOG.md", SampleChangelog);
        var notes = Path.Combine(_folder.Path, "out", "notes.md");

        var run = Run("changelog-notes.sh", [], "9.8.6", "--changelog", changelog, "--output", notes);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("### Added\n\n- The first release.\n", File.ReadAllText(notes));
    }

    [Theory]
    [InlineData("9.9.9", "has no '## [9.9.9]' section")]
    [InlineData("9.8", "has no '## [9.8]' section")]
    [InlineData("9.8.5", "the '## [9.8.5]' section")]
    public void A_version_without_notes_fails_the_release(string version, string message)
    {
        var changelog = _folder.Write("CHANGELOG.md", SampleChangelog + "\n## [9.8.5] - 2026-01-01\n\n");

        var run = Run("changelog-notes.sh", [], version, "--changelog", changelog);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_repository_s_changelog_has_unreleased_notes_and_link_references()
    {
        var run = Run("changelog-notes.sh", [], "Unreleased");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("### Added\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n[Unreleased]: https://github.com/", File.ReadAllText(RepositoryRoot.PathOf("CHANGELOG.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_dry_run_would_push_the_RID_specific_packages_before_the_pointer_package()
    {
        var feed = FakePackages();

        var run = Run("publish-nuget.sh", new() { ["SNIPPETCHECK_RELEASE_DRY_RUN"] = "1" }, feed);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [
                "dry run: would push SnippetCheck.any.9.8.7-test.1.nupkg (0 KB) to https://api.nuget.org/v3/index.json with no key (dry run)",
                "dry run: would push SnippetCheck.linux-x64.9.8.7-test.1.nupkg (0 KB) to https://api.nuget.org/v3/index.json with no key (dry run)",
                "dry run: would push SnippetCheck.9.8.7-test.1.nupkg (0 KB) to https://api.nuget.org/v3/index.json with no key (dry run)",
                "dry run: would push SnippetCheck.MSBuild.9.8.7-test.1.nupkg (0 KB) to https://api.nuget.org/v3/index.json with no key (dry run)",
                "dry run: would push SnippetCheck.Markdig.9.8.7-test.1.nupkg (0 KB) to https://api.nuget.org/v3/index.json with no key (dry run)",
            ],
            run.Stdout.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData("NUGET_OIDC_API_KEY", "with the short-lived key of trusted publishing")]
    [InlineData("NUGET_API_KEY", "with the NUGET_API_KEY secret")]
    public void The_push_says_which_key_it_uses_and_never_prints_it(string variable, string expected)
    {
        var run = Run("publish-nuget.sh", new() { [variable] = "key-1234" }, "--dry-run", FakePackages());

        Assert.Equal(0, run.ExitCode);
        Assert.All(run.Stdout.TrimEnd('\n').Split('\n'), line => Assert.EndsWith(expected, line, StringComparison.Ordinal));
        Assert.DoesNotContain("key-1234", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_key_the_push_fails_before_it_runs_dotnet()
    {
        var calls = Path.Combine(_folder.Path, "dotnet-calls");
        var bin = StandIn("dotnet", $"echo \"$*\" >> '{calls}'");

        var run = Run("publish-nuget.sh", new() { ["PATH"] = bin + ":/usr/bin:/bin" }, FakePackages());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("publish-nuget: no key: set up trusted publishing", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(calls), "dotnet was run");
    }

    [Fact]
    public void A_dry_run_of_the_GitHub_release_shows_the_command_and_its_notes()
    {
        var notes = _folder.Write("notes.md", "### Added\n\n- The release workflow.\n");
        var vsix = _folder.Write("vsix/snippetcheck-9.8.7-test.1.vsix", "");

        var run = Run("github-release.sh", [], "--dry-run", "--tag", "v9.8.7-test.1", "--notes", notes, Path.GetDirectoryName(vsix)!);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            $"dry run: would run: gh release create v9.8.7-test.1 --verify-tag --title SnippetCheck 9.8.7-test.1 --notes-file {notes} --prerelease {vsix}\n" +
            "dry run: the notes:\n### Added\n\n- The release workflow.\n",
            run.Stdout);
    }

    [Fact]
    public void The_extension_stores_without_a_token_are_skipped_with_a_notice()
    {
        var vsix = _folder.Write("vsix/snippetcheck-9.8.7.vsix", "");

        var run = Run("publish-vsix.sh", new() { ["VSCE_PAT"] = "pat-1234" }, "--dry-run", Path.GetDirectoryName(vsix)!);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"dry run: would publish snippetcheck-9.8.7.vsix to the VS Code Marketplace: ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"vsce publish --packagePath {vsix}\n", run.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("notice: not published to Open VSX: the OVSX_PAT secret is not set\n", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("pat-1234", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prerelease_extension_goes_to_neither_store()
    {
        var vsix = _folder.Write("snippetcheck-9.8.7-test.1.vsix", "");

        var run = Run("publish-vsix.sh", new() { ["VSCE_PAT"] = "pat", ["OVSX_PAT"] = "pat", ["GITHUB_ACTIONS"] = "true" }, "--dry-run", vsix);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("::notice::9.8.7-test.1 is a prerelease version, which neither the VS Code Marketplace nor Open VSX takes: its .vsix is on the GitHub release only\n", run.Stdout);
    }

    public void Dispose() => _folder.Dispose();

    private const string SampleChangelog = """
        # Changelog

        ## [Unreleased]

        - Work in progress.

        ## [9.8.7-test.1] - 2026-11-23

        ### Added

        - The release workflow.

        ### Fixed

        - Packing from an empty NuGet cache.

        ## [9.8.6] - 2026-11-01

        ### Added

        - The first release.

        [Unreleased]: https://github.com/snippetcheck/snippetcheck/compare/v9.8.7-test.1...HEAD
        [9.8.7-test.1]: https://github.com/snippetcheck/snippetcheck/compare/v9.8.6...v9.8.7-test.1
        [9.8.6]: https://github.com/snippetcheck/snippetcheck/releases/tag/v9.8.6

        """;

    /// <summary>Empty files named as pack.sh names a release's packages, in a folder of their own.</summary>
    private string FakePackages()
    {
        foreach (var name in new[] { "SnippetCheck", "SnippetCheck.any", "SnippetCheck.linux-x64", "SnippetCheck.MSBuild", "SnippetCheck.Markdig" })
        {
            _folder.Write($"packages/{name}.9.8.7-test.1.nupkg", "");
        }
        return Path.Combine(_folder.Path, "packages");
    }

    /// <summary>A folder with one stand-in program that runs <paramref name="body"/>, to put first on the PATH.</summary>
    private string StandIn(string name, string body)
    {
        var file = _folder.Write($"bin/{name}", $"#!/bin/sh\n{body}\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return Path.GetDirectoryName(file)!;
    }

    private sealed record ScriptRun(int ExitCode, string Stdout, string Stderr);

    /// <summary>Runs eng/release/<paramref name="script"/> with none of the release's variables but <paramref name="environment"/>.</summary>
    private ScriptRun Run(string script, Dictionary<string, string> environment, params string[] args)
    {
        Assert.False(OperatingSystem.IsWindows(), "the release scripts are bash scripts for Linux and macOS");
        var start = new ProcessStartInfo(RepositoryRoot.PathOf(Path.Combine("eng", "release", script)), args)
        {
            WorkingDirectory = _folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in new[] { "GITHUB_ACTIONS", "GITHUB_OUTPUT", "SNIPPETCHECK_RELEASE_DRY_RUN", "NUGET_API_KEY", "NUGET_OIDC_API_KEY", "VSCE_PAT", "OVSX_PAT" })
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), $"{script} did not finish");
        return new ScriptRun(process.ExitCode, stdout.Result, stderr.Result);
    }
}
