using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SnippetCheck.Reporting;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// The <c>SnippetCheck</c> .NET tool: its version comes from Directory.Build.props, <c>--version</c> adds the commit,
/// and the packed tool works once installed.
/// </summary>
[TakesSeconds(28)]
public sealed class PackagingTests
{
    private static string RepositoryRoot => Infrastructure.RepositoryRoot.Path;

    private static string ProductVersion =>
        XDocument.Load(Path.Combine(RepositoryRoot, "Directory.Build.props")).Descendants("Version").Single().Value;

    /// <summary>The tests always build from a git checkout, where the SDK's SourceLink knows the commit.</summary>
    [Fact]
    public void Version_prints_the_version_from_Directory_Build_props_and_the_short_commit()
    {
        using var folder = new TempFolder();

        var run = Infrastructure.CliRunner.Run(folder.Path, "--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches($"^{Regex.Escape(ProductVersion)}\\+[0-9a-f]{{7}}\n$", run.Stdout.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.StartsWith(run.Stdout.Trim()[(ProductVersion.Length + 1)..], ToolInfo.Commit, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_keep_the_version_without_the_commit()
    {
        Assert.Equal(ProductVersion, ToolInfo.Version);
        Assert.Equal($"{ToolInfo.Version}+{ToolInfo.Commit![..7]}", ToolInfo.VersionWithCommit);
        Assert.Matches("^[0-9a-f]{40}$", ToolInfo.Commit);
    }

    /// <summary>
    /// The portable IL package (<c>-p:SnippetCheckRidSpecificTool=false</c>), the same build the RID-specific packages'
    /// <c>any</c> fallback holds. The RID-specific install is ToolInstallTests, in the MSBuild test project.
    /// </summary>
    [Fact]
    public void The_portable_packed_tool_carries_the_runner_installs_and_verifies_a_post()
    {
        using var folder = new TempFolder();
        var packages = Path.Combine(folder.Path, "packages");
        var tools = Path.Combine(folder.Path, "tools");
        var version = ProductVersion;

        // The tests were built with the CLI in this configuration; packing that build saves building it again.
        var configuration = typeof(PackagingTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        Run("dotnet", RepositoryRoot, "pack", Path.Combine(RepositoryRoot, "src", "SnippetCheck.Cli"), "-c", configuration, "--no-build", "-p:SnippetCheckRidSpecificTool=false", "-o", packages);

        var package = Path.Combine(packages, $"SnippetCheck.{version}.nupkg");
        using (var zip = ZipFile.OpenRead(package))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
            Assert.Contains("tools/net10.0/any/DotnetToolSettings.xml", entries);
            Assert.Contains("tools/net10.0/any/snippetcheck.dll", entries);
            // The core and the tools built on it (adopt, render, outdated, the language server's helpers).
            Assert.Contains("tools/net10.0/any/SnippetCheck.Core.dll", entries);
            Assert.Contains("tools/net10.0/any/SnippetCheck.Authoring.dll", entries);
            Assert.Contains("tools/net10.0/any/snippetcheck-runner.dll", entries);
            Assert.Contains("tools/net10.0/any/snippetcheck-runner.runtimeconfig.json", entries);
            // Platform-neutral: no native launcher for the runner, which is started with 'dotnet exec'.
            Assert.DoesNotContain("tools/net10.0/any/snippetcheck-runner", entries);
        }

        Run("dotnet", folder.Path, "tool", "install", "--tool-path", tools, "SnippetCheck", "--add-source", packages, "--version", version, "--ignore-failed-sources");
        var snippetcheck = Path.Combine(tools, OperatingSystem.IsWindows() ? "snippetcheck.exe" : "snippetcheck");

        Assert.StartsWith(version + "+", Run(snippetcheck, folder.Path, "--version"), StringComparison.Ordinal);

        var post = folder.Write("blog/post.md", "```csharp run\nConsole.WriteLine(6 * 7);\n```\n\n```output\n42\n```\n");
        var verified = Run(snippetcheck, folder.Path, "blog");
        Assert.StartsWith("1 passed, 0 failed, 0 ignored, 0 untagged (1 C# block in 1 file)", verified);
    }

    private static string Run(string fileName, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(fileName, args)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["CI"] = "true";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("GITHUB_ACTIONS");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"{fileName} {string.Join(' ', args)} did not finish");
        Assert.True(process.ExitCode == 0, $"{fileName} {string.Join(' ', args)} exited with {process.ExitCode}\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result;
    }
}
