using System.Runtime.InteropServices;
using SnippetCheck.MSBuild.Tests.Infrastructure;

namespace SnippetCheck.MSBuild.Tests;

/// <summary>
/// End-to-end: the README's install path on a fresh machine. eng/pack-local-feed.sh packs the tool and
/// SnippetCheck.MSBuild from a copy of this working tree into a local feed, with an empty NuGet package folder;
/// <c>dotnet tool install</c> from that feed must pick this machine's RID-specific package, the fast build
/// (self-contained, one ReadyToRun composite image), not the framework-dependent 'any' fallback; and a project on
/// another empty package folder must restore SnippetCheck.MSBuild from the feed and verify its posts in its build.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ToolInstallTests : IDisposable
{
    private readonly FreshMachine _machine = new(Path.Combine(Path.GetTempPath(), "snippetcheck-install-tests", Guid.NewGuid().ToString("N")[..12]));

    [Fact]
    public void From_empty_package_folders_the_tool_packs_installs_as_the_fast_build_and_verifies_and_the_msbuild_package_fails_a_rotten_build()
    {
        var feed = Path.Combine(_machine.Root, "feed");
        var packages = _machine.EmptyPackageFolder("tool");
        var packed = Dotnet.RunProgram("sh", _machine.SourceRoot, new Dictionary<string, string> { ["SNIPPETCHECK_FEED"] = feed, ["NUGET_PACKAGES"] = packages },
            TimeSpan.FromMinutes(20), Path.Combine(_machine.SourceRoot, "eng", "pack-local-feed.sh"), "--no-install");
        Assert.True(packed.ExitCode == 0, $"eng/pack-local-feed.sh failed from an empty package folder:\n{packed}");
        var version = packed.Output.Split('\n').Single(l => l.StartsWith("version: ", StringComparison.Ordinal))["version: ".Length..].Trim();
        var rid = RuntimeInformation.RuntimeIdentifier;
        Assert.True(File.Exists(Path.Combine(feed, $"SnippetCheck.{version}.nupkg")), "no pointer package");
        Assert.True(File.Exists(Path.Combine(feed, $"SnippetCheck.{rid}.{version}.nupkg")), $"no {rid} package");
        Assert.True(File.Exists(Path.Combine(feed, $"SnippetCheck.any.{version}.nupkg")), "no framework-dependent fallback package");
        Assert.True(File.Exists(Path.Combine(feed, $"SnippetCheck.MSBuild.{version}.nupkg")), "no MSBuild package");

        // What the script does next, into the same package folder.
        var toolPath = Path.Combine(_machine.Root, "tools");
        var installed = Dotnet.Run(_machine.Root, new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages },
            "tool", "install", "SnippetCheck", "--version", version, "--tool-path", toolPath, "--add-source", feed);
        Assert.True(installed.ExitCode == 0, $"dotnet tool install failed:\n{installed}");

        var store = Path.Combine(toolPath, ".store", "snippetcheck", version);
        Assert.True(Directory.Exists(Path.Combine(store, $"snippetcheck.{rid}")), $"the SDK did not resolve the {rid} package: {string.Join(", ", Directory.GetDirectories(store).Select(Path.GetFileName))}");
        var files = Directory.GetFiles(store, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToHashSet();
        Assert.Contains("snippetcheck.r2r.dll", files);      // the composite image: runtime, framework and tool
        Assert.Contains("snippetcheck-runner", files);        // the runner's own launcher, on the bundled runtime
        Assert.Contains("libcoreclr.so", files);              // self-contained

        var post = Path.Combine(_machine.Root, "post.md");
        File.WriteAllText(post, "# A post\n\n```csharp run\nConsole.WriteLine(6 * 7);\n```\n\n```output\n42\n```\n");
        var verified = Dotnet.RunProgram(Path.Combine(toolPath, "snippetcheck"), _machine.Root, new Dictionary<string, string>(), TimeSpan.FromMinutes(2),
            "verify", post, "--no-cache", "-v");
        Assert.True(verified.ExitCode == 0, $"the installed tool did not verify the post:\n{verified}");
        Assert.Contains("1 passed, 0 failed", verified.Output);

        // A library author's first build with the MSBuild package, on a package folder of its own that starts empty.
        using var project = new ConsumerProject(feed, version, Path.Combine(_machine.Root, "consumer"), Posts.NetLibrary, "", fallbackToUserPackages: false);
        project.Write("posts/post.md", Posts.Rotten);
        var rotten = project.Build();
        Assert.NotEqual(0, rotten.ExitCode);
        Assert.Matches(@"posts[/\\]post\.md\(10,1\): error SC2001: output differs", rotten.Output);
        Assert.True(Directory.Exists(Path.Combine(project.PackagesFolder, "snippetcheck.msbuild", version)), "the project did not restore SnippetCheck.MSBuild into its own, empty package folder");
    }

    public void Dispose() => _machine.Dispose();
}
