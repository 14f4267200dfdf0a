using System.Runtime.InteropServices;
using SnippetCheck.MSBuild.Tests.Infrastructure;

namespace SnippetCheck.MSBuild.Tests;

/// <summary>
/// End-to-end: the release workflow's pack step (eng/release/pack.sh) with a fake tag, packing this machine's RID,
/// 'any' and SnippetCheck.MSBuild (every RID takes about 10 minutes), as a new user would: from an empty NuGet cache
/// (NETSDK1094 once hid behind a warm one, issue 24), in a copy of the working tree. Nothing is pushed.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ReleasePackTests : IDisposable
{
    private const string Tag = "v9.8.7-test.1";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "snippetcheck-release-tests", Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public void A_tag_s_packages_carry_its_version_and_metadata_and_the_installed_tool_prints_it_with_the_commit()
    {
        using var repository = new RepositoryCopy(Directory.CreateDirectory(_root).FullName);
        var emptyCache = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Directory.CreateDirectory(Path.Combine(_root, "nuget-packages")).FullName };
        var script = (string name) => Path.Combine(repository.Root, "eng", "release", name);

        var tagged = Dotnet.RunProgram(script("version-from-tag.sh"), _root, new Dictionary<string, string>(), TimeSpan.FromMinutes(1), Tag);
        Assert.True(tagged.ExitCode == 0, tagged.ToString());
        var version = tagged.Output.Trim();
        Assert.Equal("9.8.7-test.1", version);

        var feed = Path.Combine(_root, "feed");
        var rid = RuntimeInformation.RuntimeIdentifier;
        var packed = Dotnet.RunProgram(script("pack.sh"), _root, emptyCache, TimeSpan.FromMinutes(30),
            "--version", version, "--rids", $"{rid};any", "--output", feed);
        Assert.True(packed.ExitCode == 0, $"eng/release/pack.sh failed:\n{packed}");

        string[] packages = ["SnippetCheck", $"SnippetCheck.{rid}", "SnippetCheck.any", "SnippetCheck.MSBuild"];
        Assert.Equal(
            packages.Select(id => $"{id}.{version}.nupkg").Order(StringComparer.Ordinal),
            Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var id in packages)
        {
            var nuspec = new Nuspec(Path.Combine(feed, $"{id}.{version}.nupkg"));
            Assert.Equal(id, nuspec.Value("id"));
            Assert.Equal(version, nuspec.Value("version"));
            Assert.Equal(repository.Commit, nuspec.Attribute("repository", "commit"));
            PackageTests.AssertHasTheSharedMetadata(nuspec);
        }

        var toolPath = Path.Combine(_root, "tools");
        var installed = Dotnet.Run(_root, emptyCache, "tool", "install", "SnippetCheck", "--version", version, "--tool-path", toolPath, "--add-source", feed);
        Assert.True(installed.ExitCode == 0, $"dotnet tool install failed:\n{installed}");
        var printed = Dotnet.RunProgram(Path.Combine(toolPath, "snippetcheck"), _root, new Dictionary<string, string>(), TimeSpan.FromMinutes(1), "--version");

        Assert.True(printed.ExitCode == 0, printed.ToString());
        Assert.Equal($"{version}+{repository.Commit[..7]}", printed.Output.Trim());
    }

    public void Dispose() => PackedPackage.TryDelete(_root);
}
