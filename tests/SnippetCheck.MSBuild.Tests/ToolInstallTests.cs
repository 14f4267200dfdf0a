using System.Runtime.InteropServices;
using SnippetCheck.MSBuild.Tests.Infrastructure;

namespace SnippetCheck.MSBuild.Tests;

/// <summary>
/// End-to-end: the README's install path. eng/pack-local-feed.sh packs the tool into a local feed, and
/// <c>dotnet tool install</c> from that feed must pick this machine's RID-specific package, the fast build
/// (self-contained, one ReadyToRun composite image), not the framework-dependent 'any' fallback.
/// </summary>
public sealed class ToolInstallTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "snippetcheck-install-tests", Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public void The_tool_installs_from_a_local_feed_as_the_fast_build_for_this_machine_and_verifies_a_post()
    {
        var feed = Path.Combine(_root, "feed");
        var toolPath = Path.Combine(_root, "tools");
        var packed = Dotnet.RunProgram("sh", Directory.CreateDirectory(_root).FullName, new Dictionary<string, string> { ["SNIPPETCHECK_FEED"] = feed },
            TimeSpan.FromMinutes(15), Path.Combine(Dotnet.RepositoryRoot, "eng", "pack-local-feed.sh"), "--no-install", "--no-msbuild");
        Assert.True(packed.ExitCode == 0, $"eng/pack-local-feed.sh failed:\n{packed}");
        var version = packed.Output.Split('\n').Single(l => l.StartsWith("version: ", StringComparison.Ordinal))["version: ".Length..].Trim();
        var rid = RuntimeInformation.RuntimeIdentifier;
        Assert.True(File.Exists(Path.Combine(feed, $"SnippetCheck.{version}.nupkg")), "no pointer package");
        Assert.True(File.Exists(Path.Combine(feed, $"SnippetCheck.{rid}.{version}.nupkg")), $"no {rid} package");
        Assert.True(File.Exists(Path.Combine(feed, $"SnippetCheck.any.{version}.nupkg")), "no framework-dependent fallback package");

        // What the script does next, with a package folder of its own so the user's NuGet cache stays clean.
        var installed = Dotnet.Run(_root, new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_root, "packages") },
            "tool", "install", "SnippetCheck", "--version", version, "--tool-path", toolPath, "--add-source", feed);
        Assert.True(installed.ExitCode == 0, $"dotnet tool install failed:\n{installed}");

        var store = Path.Combine(toolPath, ".store", "snippetcheck", version);
        Assert.True(Directory.Exists(Path.Combine(store, $"snippetcheck.{rid}")), $"the SDK did not resolve the {rid} package: {string.Join(", ", Directory.GetDirectories(store).Select(Path.GetFileName))}");
        var files = Directory.GetFiles(store, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToHashSet();
        Assert.Contains("snippetcheck.r2r.dll", files);      // the composite image: runtime, framework and tool
        Assert.Contains("snippetcheck-runner", files);        // the runner's own launcher, on the bundled runtime
        Assert.Contains("libcoreclr.so", files);              // self-contained

        var post = Path.Combine(_root, "post.md");
        File.WriteAllText(post, "# A post\n\n```csharp run\nConsole.WriteLine(6 * 7);\n```\n\n```output\n42\n```\n");
        var verified = Dotnet.RunProgram(Path.Combine(toolPath, "snippetcheck"), _root, new Dictionary<string, string>(), TimeSpan.FromMinutes(2),
            "verify", post, "--no-cache", "-v");
        Assert.True(verified.ExitCode == 0, $"the installed tool did not verify the post:\n{verified}");
        Assert.Contains("1 passed, 0 failed", verified.Output);
    }

    public void Dispose() => PackedPackage.TryDelete(_root);
}
