using SnippetCheck.Adoption.Inference;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.References;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Adoption.Inference.Packages;

/// <summary>Issue 26, part 3: where <c>adopt</c> looks for the package a post is about, and how it pins one.</summary>
public sealed class PackageHintTests
{
    /// <summary>The hints of the repository <paramref name="folder"/> is in, its files read as adopt's package pass reads them.</summary>
    private static RepositoryHints Hints(string folder) => new(RepositoryFiles.Of([folder]));

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

        var posts = Path.Combine(folder.Path, "docs", "posts");
        var candidates = Hints(posts).For(posts);

        // The origin's name (spectre.console) is the project's package, whatever its case: one candidate, the first.
        Assert.Equal(["Spectre.Console@", "Bogus@35.6.5", "Humanizer@", "Demo@"], candidates.Select(c => $"{c.Id}@{c.Version}"));
        Assert.DoesNotContain(candidates, c => c.Id == "Copied");
        Assert.Null(Hints(Path.GetTempPath()).RepositoryRoot(Path.GetTempPath()));
    }

    [Fact]
    public void A_repositorys_own_package_is_its_first_hint_before_what_its_projects_reference()
    {
        // CsvHelper's clone: its docs generator, benchmarks and library each reference packages; the library is the one
        // its docs call, named as the repository is. Nine hints came before it, and a page's own guesses pushed it past
        // the twelve candidates tried.
        using var folder = new TempFolder();
        folder.Write(".git/config", "[remote \"origin\"]\n\turl = https://github.com/JoshClose/CsvHelper.git\n");
        folder.Write("docs-src/CsvHelper.DocsGenerator/CsvHelper.DocsGenerator.csproj",
            "<Project><ItemGroup><PackageReference Include=\"Newtonsoft.Json\" Version=\"12.0.1\" /></ItemGroup></Project>");
        folder.Write("performance/CsvHelper.Benchmarks/CsvHelper.Benchmarks.csproj",
            "<Project><ItemGroup><PackageReference Include=\"BenchmarkDotNet\" Version=\"0.15.0\" /></ItemGroup></Project>");
        folder.Write("src/CsvHelper/CsvHelper.csproj", "<Project><PropertyGroup><PackageId>CsvHelper</PackageId></PropertyGroup>"
            + "<ItemGroup><PackageReference Include=\"System.Memory\" Version=\"4.5.0\" /></ItemGroup></Project>");
        var examples = Path.Combine(folder.Path, "src", "CsvHelper.Website", "input", "examples");
        Directory.CreateDirectory(examples);

        Assert.Equal("CsvHelper", Hints(examples).For(examples)[0].Id);
        Assert.Equal(["CsvHelper"], Hints(examples).Own(examples).Select(c => c.Id));
    }

    [Fact]
    public void A_repository_without_an_origin_is_named_by_its_solution_and_a_bare_folder_name_is_no_package()
    {
        // A copy of the docs with a git folder of its own ('docs/'): the folder's name is the copier's word, not a package.
        using var copy = new TempFolder();
        copy.Write("docs/.git/config", "[core]\n\tbare = false\n");
        copy.Write("docs/help/page.md", "# Help\n");
        var help = Path.Combine(copy.Path, "docs", "help");
        Assert.Empty(Hints(help).For(help));
        Assert.Empty(Hints(help).Own(help));

        // A checkout with no origin beside its solution: the solution names the library, whose project is 'Acme.Csv.Core'.
        using var checkout = new TempFolder();
        checkout.Write("work/.git/config", "[core]\n\tbare = false\n");
        checkout.Write("work/Acme.Csv.sln", "");
        checkout.Write("work/src/Acme.Csv.Core/Acme.Csv.Core.csproj", "<Project />");
        checkout.Write("work/src/Acme.Tools/Acme.Tools.csproj", "<Project />");
        var work = Path.Combine(checkout.Path, "work");
        Assert.Equal(["Acme.Csv.Core", "Acme.Csv"], Hints(work).Own(work).Select(c => c.Id));
    }

    [Theory]
    [InlineData("examples/configuration/index.md", "# Configuration", null)]
    [InlineData("examples/reading/index.md", "# Reading\n\n## Examples", null)]
    [InlineData("someone__acme-widgets/notes.md", "# Notes\n\n## New in AcmeWidgets.Core", "AcmeWidgets.Core")]
    [InlineData("csv-helper/docs/notes.md", "# CsvHelper notes", "CsvHelper")]
    public void A_heading_names_a_package_as_its_folder_is_named_only_when_it_is_a_library_name_not_a_word(
        string path, string headings, string? package)
    {
        var page = Pipeline.Read(headings + "\n\n```csharp\nvar records = csv.GetRecords<Foo>();\n```\n", path);

        var named = PackageEvidence.Of(page, SnippetCheck.Compilation.ReferenceAssemblies.Default).Select(g => g[0].Id).ToList();

        // A capitalised word at a heading's start is prose ("Configuration", "Reading"), whatever its folder is called.
        Assert.Equal(package is null ? [] : [package], named);
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
