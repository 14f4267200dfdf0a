using System.Runtime.InteropServices;
using SnippetCheck.MSBuild.Tests.Infrastructure;

namespace SnippetCheck.MSBuild.Tests;

/// <summary>
/// End-to-end: a release cut from a fake tag, up to the push, and the README's install path, on a fresh machine.
/// In a copy of the working tree (<see cref="RepositoryCopy"/>), with NuGet package folders that start empty (a warm
/// one once hid NETSDK1094, issue 24): the tag gives the version (eng/release/version-from-tag.sh), and
/// eng/pack-local-feed.sh packs with it through the release's own eng/release/pack.sh: this machine's RID, 'any', the
/// pointer package, SnippetCheck.MSBuild and SnippetCheck.Markdig (every RID takes about 10 minutes). <c>dotnet tool install</c> must pick the
/// RID-specific package, the fast build (self-contained, one ReadyToRun composite image), which prints the tag's
/// version with the commit and verifies a post; and a project on another empty package folder must restore
/// SnippetCheck.MSBuild from the feed and fail a rotten build. Nothing is pushed.
/// </summary>
[Trait("Category", "EndToEnd")]
[TakesSeconds(1115)]
public sealed class ToolInstallTests : IDisposable
{
    private const string Tag = "v9.8.7-test.1";

    private readonly string _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "snippetcheck-install-tests", Guid.NewGuid().ToString("N")[..12])).FullName;

    [Fact]
    public void A_tag_packs_from_empty_package_folders_installs_as_the_fast_build_with_its_version_and_commit_and_the_msbuild_package_fails_a_rotten_build()
    {
        using var repository = new RepositoryCopy(_root);
        var script = (string path) => Path.Combine(repository.Root, "eng", path);
        var packages = new Dictionary<string, string> { ["NUGET_PACKAGES"] = EmptyFolder("nuget-tool") };

        var tagged = Dotnet.RunProgram(script("release/version-from-tag.sh"), _root, new Dictionary<string, string>(), TimeSpan.FromMinutes(1), Tag);
        Assert.True(tagged.ExitCode == 0, tagged.ToString());
        var version = tagged.Output.Trim();
        Assert.Equal("9.8.7-test.1", version);

        var feed = Path.Combine(_root, "feed");
        var packed = Dotnet.RunProgram("sh", repository.Root, new Dictionary<string, string>(packages) { ["SNIPPETCHECK_FEED"] = feed },
            TimeSpan.FromMinutes(30), script("pack-local-feed.sh"), "--no-install", "--version", version);
        Assert.True(packed.ExitCode == 0, $"eng/pack-local-feed.sh failed from an empty package folder:\n{packed}");
        var rid = RuntimeInformation.RuntimeIdentifier;
        // Issue 58: the restore asks only for the RIDs packed, so no other platform's runtime pack is downloaded.
        var otherPlatforms = Directory.GetDirectories(packages["NUGET_PACKAGES"]).Select(folder => Path.GetFileName(folder))
            .Where(name => name.StartsWith("microsoft.", StringComparison.Ordinal) && name.Contains(".runtime.", StringComparison.Ordinal)
                && !name.EndsWith("." + rid, StringComparison.Ordinal));
        Assert.Empty(otherPlatforms);
        string[] ids = ["SnippetCheck", $"SnippetCheck.{rid}", "SnippetCheck.any", "SnippetCheck.MSBuild", "SnippetCheck.Markdig"];
        Assert.Equal(
            ids.Select(id => $"{id}.{version}.nupkg").Order(StringComparer.Ordinal),
            Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var id in ids)
        {
            var nuspec = new Nuspec(Path.Combine(feed, $"{id}.{version}.nupkg"));
            Assert.Equal((id, version), (nuspec.Value("id"), nuspec.Value("version")));
            Assert.Equal(repository.Commit, nuspec.Attribute("repository", "commit"));
            PackageTests.AssertHasTheSharedMetadata(nuspec);
        }

        // What the script does next without --no-install, into the same package folder.
        var toolPath = Path.Combine(_root, "tools");
        var installed = Dotnet.Run(_root, packages, "tool", "install", "SnippetCheck", "--version", version, "--tool-path", toolPath, "--add-source", feed);
        Assert.True(installed.ExitCode == 0, $"dotnet tool install failed:\n{installed}");
        var store = Path.Combine(toolPath, ".store", "snippetcheck", version);
        Assert.True(Directory.Exists(Path.Combine(store, $"snippetcheck.{rid}")), $"the SDK did not resolve the {rid} package: {string.Join(", ", Directory.GetDirectories(store).Select(Path.GetFileName))}");
        var files = Directory.GetFiles(store, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToHashSet();
        Assert.Contains("snippetcheck.r2r.dll", files);      // the composite image: runtime, framework and tool
        Assert.Contains("snippetcheck-runner", files);        // the runner's own launcher, on the bundled runtime
        Assert.Contains("libcoreclr.so", files);              // self-contained

        var tool = Path.Combine(toolPath, "snippetcheck");
        var printed = Dotnet.RunProgram(tool, _root, new Dictionary<string, string>(), TimeSpan.FromMinutes(1), "--version");
        Assert.True(printed.ExitCode == 0, printed.ToString());
        Assert.Equal($"{version}+{repository.Commit[..7]}", printed.Output.Trim());

        var post = Path.Combine(_root, "post.md");
        File.WriteAllText(post, "# A post\n\n```csharp run\nConsole.WriteLine(6 * 7);\n```\n\n```output\n42\n```\n");
        var verified = Dotnet.RunProgram(tool, _root, new Dictionary<string, string>(), TimeSpan.FromMinutes(2), "verify", post, "--no-cache", "-v");
        Assert.True(verified.ExitCode == 0, $"the installed tool did not verify the post:\n{verified}");
        Assert.Contains("1 passed, 0 failed", verified.Output);

        // A library author's first build with the MSBuild package, on a package folder of its own that starts empty.
        using var project = new ConsumerProject(feed, version, Path.Combine(_root, "consumer"), Posts.NetLibrary, "", fallbackToUserPackages: false);
        project.Write("posts/post.md", Posts.Rotten);
        var rotten = project.Build();
        Assert.NotEqual(0, rotten.ExitCode);
        Assert.Matches(@"posts[/\\]post\.md\(11,1\): error SC2001: output differs", rotten.Output);
        Assert.True(Directory.Exists(Path.Combine(project.PackagesFolder, "snippetcheck.msbuild", version)), "the project did not restore SnippetCheck.MSBuild into its own, empty package folder");
    }

    public void Dispose() => PackedPackage.TryDelete(_root);

    private string EmptyFolder(string name) => Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
}
