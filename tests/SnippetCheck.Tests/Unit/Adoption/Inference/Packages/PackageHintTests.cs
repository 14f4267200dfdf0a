using SnippetCheck.Adoption.Inference;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.References;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Adoption.Inference.Packages;

/// <summary>Issue 26, part 3: where <c>adopt</c> looks for the package a post is about, and how it pins one.</summary>
public sealed class PackageHintTests
{
    [Fact]
    public void The_newest_stable_version_is_pinned_and_prereleases_and_other_output_are_passed_over()
    {
        const string json = """
            warning: a banner before the JSON
            { "version": 2, "problems": [], "searchResult": [
              { "sourceName": "a", "packages": [ { "id": "bogus", "version": "34.0.2" }, { "id": "bogus", "version": "35.10.0-beta.1" } ] },
              { "sourceName": "b", "packages": [ { "id": "bogus", "version": "35.6.5" }, { "id": "bogus", "version": "35.10.0-rc" }, { "id": "bogus", "version": "9.0.0" } ] } ] }
            """;
        Assert.Equal("35.6.5", PackageSearch.Newest(json));
        Assert.Null(PackageSearch.Newest("""{ "version": 2, "searchResult": [ { "sourceName": "a", "packages": [] } ] }"""));
        Assert.Null(PackageSearch.Newest("error: no source"));
    }

    [Fact]
    public void A_repository_names_its_origin_its_projects_and_the_packages_they_reference_with_their_versions()
    {
        using var folder = new TempFolder();
        folder.Write(".git/config", "[core]\n\tbare = false\n[remote \"origin\"]\n\turl = git@github.com:spectreconsole/spectre.console.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n");
        folder.Write("src/Spectre.Console/Spectre.Console.csproj", "<Project><PropertyGroup><PackageId>Spectre.Console</PackageId></PropertyGroup></Project>");
        folder.Write("examples/Demo/Demo.csproj", "<Project><ItemGroup><PackageReference Include=\"Bogus\" Version=\"35.6.5\" /><PackageReference Include=\"Humanizer\" /></ItemGroup></Project>");
        folder.Write("src/Spectre.Console/bin/Debug/Copied.csproj", "<Project />");
        folder.Write("docs/posts/post.md", "# A post\n");

        var candidates = RepositoryHints.For(Path.Combine(folder.Path, "docs", "posts"));

        // The origin's name (spectre.console) is the project's package, whatever its case: one candidate.
        Assert.Equal(["Bogus@35.6.5", "Humanizer@", "Demo@", "Spectre.Console@"], candidates.Select(c => $"{c.Id}@{c.Version}"));
        Assert.DoesNotContain(candidates, c => c.Id == "Copied");
        Assert.Null(RepositoryHints.RepositoryRoot(Path.GetTempPath()));
    }

    [Fact]
    public void A_stated_package_is_a_name_with_an_optional_exact_version()
    {
        Assert.Equal(("Bogus", "35.6.5"), PackageCandidate.TryParse("Bogus@35.6.5") is { } p ? (p.Id, p.Version) : default);
        Assert.Equal(("Spectre.Console", null), PackageCandidate.TryParse(" Spectre.Console ") is { } q ? (q.Id, q.Version) : default);
        Assert.Null(PackageCandidate.TryParse("Bogus@latest"));
        Assert.Null(PackageCandidate.TryParse("two words"));
    }

    [Fact]
    public void Install_lines_name_packages_with_the_version_they_give_first_and_the_newest_after()
    {
        const string page = """
            Run `dotnet add package Humanizer.Core.<locale>` for one language, or:

            ```
            dotnet add package Serilog --version 4.2.0
            Install-Package Polly -Version 8.5.2
            PM> Install-Package Bogus
            ```

            ```xml
            <PackageReference Include="Dapper" Version="2.1.66" />
            ```

            ```csharp
            #r "nuget: Spectre.Console, 0.49.1"
            #:package CliWrap@3.8.2
            ```
            """;

        var groups = PackageEvidence.InstallLines(page).Select(g => string.Join(" ", g.Select(c => $"{c.Id}@{c.Version}"))).ToList();

        Assert.Equal(["Humanizer.Core@", "Serilog@4.2.0 Serilog@", "Polly@8.5.2 Polly@", "Bogus@", "Dapper@2.1.66 Dapper@",
            "Spectre.Console@0.49.1 Spectre.Console@", "CliWrap@3.8.2 CliWrap@"], groups);
        Assert.Equal("protobuf-net", PackageEvidence.PackageOfNamespace("ProtoBuf.Meta"));
        Assert.Null(PackageEvidence.PackageOfNamespace("ProtoBufX"));
    }

    [Fact]
    public void A_benchmark_attribute_names_BenchmarkDotNet_and_a_pages_doc_set_is_the_topmost_folder_that_holds_a_page()
    {
        var post = Pipeline.Read("# B\n\n```csharp\npublic class B\n{\n    [Benchmark]\n    public void Run() { }\n}\n```\n", "blog/posts/bench.md");

        Assert.Contains(PackageEvidence.TestCandidates(post), g => g[0].Id == "BenchmarkDotNet");
        var root = Pipeline.Read("# B\n", "bench.md");
        var other = Pipeline.Read("# B\n", "Owner__Repo/docs/b.md");
        // No page at the run's root: each top folder's pages are a set (one repository each), from the topmost with a page.
        Assert.Equal("blog/posts", new DocSet([post, other]).Of(post));
        Assert.Equal("Owner__Repo/docs", new DocSet([post, other]).Of(other));
        // A page at the root: the whole run is one set, sub-folders and all.
        Assert.Equal("", new DocSet([post, other, root]).Of(post));
        Assert.Equal("", new DocSet([post, other, root]).Of(root));
    }
}
