using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.References;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.References;

/// <summary>Real restores through the SDK; each test keeps its own cache folder so it sees a cold start.</summary>
public sealed class PackageRestorerTests
{
    private static readonly SourceLocation Here = new("post.md", 1, 1);

    private static PackageSet Set(params (string Id, string Version)[] packages) =>
        new(packages.Select(p => new PackageRequest(p.Id, p.Version, Here)));

    [Fact]
    public async Task A_package_set_is_restored_once_and_read_from_disk_afterwards()
    {
        using var cache = new TempFolder();
        var newtonsoft = Set(("Newtonsoft.Json", "13.0.3"));

        var first = await new PackageRestorer(cache.Path, null).ResolveAsync(newtonsoft, web: false, CancellationToken.None);
        Assert.True(first.Succeeded, first.Error);
        Assert.False(first.FromCache);
        Assert.Contains(first.Assets!.Compile, p => p.EndsWith("Newtonsoft.Json.dll", StringComparison.Ordinal));
        Assert.Contains(first.Assets.Runtime, p => p.EndsWith("Newtonsoft.Json.dll", StringComparison.Ordinal));
        // The base framework's own assemblies are the compiler's already, not the package's.
        Assert.DoesNotContain(first.Assets.Compile, p => p.Contains("Microsoft.NETCore.App.Ref", StringComparison.Ordinal));

        var restorer = new PackageRestorer(cache.Path, null);
        var second = await restorer.ResolveAsync(newtonsoft, web: false, CancellationToken.None);
        Assert.True(second.FromCache);
        Assert.Equal(first.Assets.Compile, second.Assets!.Compile);
        // Within one run, the same set is one task.
        Assert.Same(await restorer.ResolveAsync(Set(("newtonsoft.json", "13.0.3")), web: false, CancellationToken.None), second);
    }

    [Fact]
    public async Task A_failed_restore_reports_the_sdk_errors_and_is_not_cached()
    {
        using var cache = new TempFolder();
        var missing = Set(("No.Such.Package.Xyz", "1.0.0"));
        var outcome = await new PackageRestorer(cache.Path, null).ResolveAsync(missing, web: false, CancellationToken.None);
        Assert.False(outcome.Succeeded);
        Assert.StartsWith("error NU1101: Unable to find package No.Such.Package.Xyz.", outcome.Error);
        Assert.Empty(Directory.GetFiles(cache.Path, "assets.json", SearchOption.AllDirectories));
    }

    [Fact]
    public void The_generated_project_compiles_nothing_and_lists_the_packages()
    {
        var text = PackageRestorer.ProjectText(Set(("B", "2.0.0"), ("A", "1.0.0")), web: true, TargetFramework.Supported[0]);
        Assert.Contains("<Project Sdk=\"Microsoft.NET.Sdk.Web\">", text);
        // A framework matrix resolves each package set for each framework.
        Assert.Contains("<TargetFramework>net8.0</TargetFramework>", text);
        Assert.Contains("<EnableDefaultItems>false</EnableDefaultItems>", text);
        Assert.True(text.IndexOf("Include=\"A\" Version=\"1.0.0\"", StringComparison.Ordinal) < text.IndexOf("Include=\"B\"", StringComparison.Ordinal));
    }
}
