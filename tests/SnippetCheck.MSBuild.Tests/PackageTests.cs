using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using SnippetCheck.MSBuild.Tests.Infrastructure;

namespace SnippetCheck.MSBuild.Tests;

/// <summary>
/// What the packed SnippetCheck.MSBuild.nupkg holds. End-to-end: packs the real package first (shared with the
/// build tests, about 15 seconds).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class PackageTests
{
    private const string TaskAssembly = "tasks/netstandard2.0/SnippetCheck.MSBuild.dll";

    [Fact]
    public void Packing_restores_the_cli_for_the_builds_own_runtime_and_no_other_platforms()
    {
        _ = PackedPackage.Instance;

        // Each RID a restore lists is a target in its assets file, and each needs that platform's runtime packs.
        var assets = Path.Combine(Dotnet.RepositoryRoot, "src", "SnippetCheck.Cli", "obj", "project.assets.json");
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(assets));
        var targets = document.RootElement.GetProperty("targets").EnumerateObject().Select(target => target.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["net10.0", $"net10.0/{Dotnet.SdkRuntimeIdentifier}"], targets);
    }

    [Fact]
    public void The_task_assembly_references_neither_Roslyn_nor_Markdig()
    {
        var references = AssemblyReferencesOf(TaskAssembly);

        // Proof that these are the task's real references, not an empty list.
        Assert.Contains("Microsoft.Build.Utilities.Core", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Markdig", StringComparison.Ordinal));
    }

    [Fact]
    public void The_package_ships_the_task_the_build_files_and_the_whole_cli()
    {
        var entries = Entries();

        Assert.Contains(TaskAssembly, entries);
        string[] buildFiles =
        [
            "build/SnippetCheck.MSBuild.props", "build/SnippetCheck.MSBuild.targets",
            "buildMultiTargeting/SnippetCheck.MSBuild.props", "buildMultiTargeting/SnippetCheck.MSBuild.targets",
        ];
        string[] cliFiles =
        [
            "snippetcheck.dll", "snippetcheck.deps.json", "snippetcheck.runtimeconfig.json",
            "snippetcheck-runner.dll", "snippetcheck-runner.runtimeconfig.json", "SnippetCheck.Core.dll", "SnippetCheck.Authoring.dll",
            "Markdig.dll", "Microsoft.CodeAnalysis.dll", "Microsoft.CodeAnalysis.CSharp.dll", "System.CommandLine.dll",
            "YamlDotNet.dll", "Microsoft.Extensions.FileSystemGlobbing.dll", "DiffPlex.dll",
        ];
        foreach (var file in buildFiles.Concat(cliFiles.Select(f => "tools/" + f))) Assert.Contains(file, entries);
        // MSBuild brings its own copies; shipped ones would shadow them.
        Assert.DoesNotContain(entries, e => Path.GetFileName(e).StartsWith("Microsoft.Build", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_package_is_a_development_dependency_with_no_dependencies()
    {
        var nuspec = new Nuspec(PackedPackage.Instance.PackagePath);

        Assert.Equal("true", nuspec.Value("developmentDependency"));
        Assert.False(nuspec.Has("dependencies"));
    }

    [Fact]
    public void The_package_has_its_readme_license_repository_tags_and_icon()
    {
        var nuspec = new Nuspec(PackedPackage.Instance.PackagePath);

        AssertHasTheSharedMetadata(nuspec);
        Assert.Contains("msbuild", nuspec.Value("tags")!.Split(' '));
        // Its README is the MSBuild guide, not the repository's README.
        using var archive = ZipFile.OpenRead(PackedPackage.Instance.PackagePath);
        using var readme = new StreamReader(archive.GetEntry("README.md")!.Open());
        Assert.Equal(File.ReadAllText(Path.Combine(Dotnet.RepositoryRoot, "docs", "msbuild.md")), readme.ReadToEnd());
    }

    /// <summary>
    /// What every SnippetCheck package carries (Directory.Build.props): a README and an icon, both in the package,
    /// the MIT license expression, the repository and the shared tags.
    /// </summary>
    internal static void AssertHasTheSharedMetadata(Nuspec nuspec)
    {
        Assert.Equal("README.md", nuspec.Value("readme"));
        Assert.Contains("README.md", nuspec.Entries);
        Assert.Equal("icon.png", nuspec.Value("icon"));
        Assert.Contains("icon.png", nuspec.Entries);
        Assert.Equal("expression", nuspec.Attribute("license", "type"));
        Assert.Equal("MIT", nuspec.Value("license"));
        Assert.Equal("https://github.com/snippetcheck/snippetcheck", nuspec.Attribute("repository", "url"));
        Assert.Equal("git", nuspec.Attribute("repository", "type"));
        Assert.Equal("https://github.com/snippetcheck/snippetcheck", nuspec.Value("projectUrl"));
        Assert.Subset(nuspec.Value("tags")!.Split(' ').ToHashSet(), new HashSet<string> { "markdown", "csharp", "snippets", "doctest" });
    }

    private static List<string> Entries()
    {
        using var archive = ZipFile.OpenRead(PackedPackage.Instance.PackagePath);
        return [.. archive.Entries.Select(e => e.FullName)];
    }

    private static List<string> AssemblyReferencesOf(string entryName)
    {
        using var archive = ZipFile.OpenRead(PackedPackage.Instance.PackagePath);
        using var bytes = new MemoryStream();
        using (var entry = archive.GetEntry(entryName)!.Open()) entry.CopyTo(bytes);
        bytes.Position = 0;
        using var pe = new PEReader(bytes);
        var reader = pe.GetMetadataReader();
        return [.. reader.AssemblyReferences.Select(handle => reader.GetString(reader.GetAssemblyReference(handle).Name))];
    }
}
