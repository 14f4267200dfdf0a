using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 54, item 3: a page's package evidence is its own, then its folder's, then each ancestor folder's up to the run's
/// root. A library's docs install it once at their root (Polly's getting-started.md) and call it in sub-folders
/// (pipelines/, chaos/); a page whose only evidence is a link to a package that declares none of its names still gets the
/// doc set's; and a folder beside another (one repository per top folder) never lends it its evidence.
/// </summary>
[TakesSeconds(33)]
public sealed class AdoptDocSetTests
{
    private const string Calls = """
        # Pipelines

        ```csharp
        Console.WriteLine(Greeting.Hello("pipe"));
        ```
        """;

    private const string Core = "namespace Acme.Core { public static class Greeting { public static string Hello(string n) => n; } }";

    private const string AsyncState = "namespace Acme.AsyncState { public static class Slot { public static int Value => 1; } }";

    /// <summary>A local feed of the two packages, Acme.Core and Acme.AsyncState, for the docs under <paramref name="docs"/>.</summary>
    private static AdoptInProcess FeedOfBoth(string docs = "docs") =>
        AdoptInProcess.WithFeed(docs).Pack("Acme.Core", "1.0.0", Core).Pack("Acme.AsyncState", "1.0.0", AsyncState);

    /// <summary>The feed of both for one library's site: the doc set's folder is its repository's root.</summary>
    private static AdoptInProcess Site() => FeedOfBoth("site").InRepository();

    /// <summary>A getting-started page: the install command in a fence of its own, and no C#.</summary>
    private static DocPage Installs(string package) => new DocPage("Install").InstallFence(package);

    [Fact]
    public async Task The_roots_install_line_reaches_a_sub_folders_page_and_a_link_to_another_package_does_not_shut_it_out()
    {
        using var docSet = FeedOfBoth();
        var docs = docSet.Docs;
        docSet.Write("getting-started.md", new DocPage("Start").InstallFence("Acme.Core"));
        docSet.Write("pipelines/deep/index.md", Calls);
        docSet.Write("chaos/index.md", """
            # Chaos

            State may live in [Acme.AsyncState](https://www.nuget.org/packages/Acme.AsyncState) instead.

            ```csharp
            Console.WriteLine(Greeting.Hello("chaos"));
            ```
            """);

        var adopt = AdoptInProcess.Table(await docSet.AdoptWriteAsync());

        const string Tag = "<!-- snippetcheck: run usings=Acme.Core packages=Acme.Core -->\n```csharp\nConsole";
        var pipelines = File.ReadAllText(Path.Combine(docs, "pipelines", "deep", "index.md"));
        Assert.Contains(Tag, pipelines, StringComparison.Ordinal);
        Assert.Contains(Tag, File.ReadAllText(Path.Combine(docs, "chaos", "index.md")), StringComparison.Ordinal);
        docSet.Verifies();
        // A misspelt call of the package fails.
        var path = Path.Combine(docs, "pipelines", "deep", "index.md");
        File.WriteAllText(path, pipelines.Replace("Hello(", "Helo(", StringComparison.Ordinal));
        var mutant = docSet.Verify();
        Assert.False(mutant.Report.Succeeded);
        Assert.Contains("CS0117", mutant.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_top_folders_install_line_reaches_its_pages_below_and_never_a_page_of_another_top_folder()
    {
        // The realworld corpus: one repository per top folder, nothing at the root. The page two folders down links another
        // package of the feed, which declares none of its names.
        using var docSet = FeedOfBoth("corpus");
        var root = docSet.Docs;
        docSet.Write("Owner__One/docs/install.md", Installs("Acme.Core"));
        docSet.Write("Owner__One/docs/guide/calls.md", Calls + "\nOr [Acme.AsyncState](https://www.nuget.org/packages/Acme.AsyncState).\n");
        docSet.Write("Owner__Two/calls.md", Calls);

        var adopt = AdoptInProcess.Table(await docSet.AdoptWriteAsync());

        var calls = File.ReadAllText(Path.Combine(root, "Owner__One", "docs", "guide", "calls.md"));
        Assert.Contains("packages=Acme.Core", calls, StringComparison.Ordinal);
        Assert.DoesNotContain("Acme.Core", File.ReadAllText(Path.Combine(root, "Owner__Two", "calls.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_one_repository_a_sites_one_library_reaches_sibling_folders_and_a_corpus_of_many_packages_lends_nothing()
    {
        using var docSet = Site();
        var root = docSet.Docs;
        docSet.Write("getting-started/index.md", Installs("Acme.Core").Then(Calls));
        docSet.Write("examples/reading/index.md", Calls);
        // A change log's dependency lines name packages too, on a page without C#: they do not make it a corpus.
        docSet.Write("change-log/index.md", "# Changes\n\n- Added `<PackageReference Include=\"Acme.AsyncState\" Version=\"1.0.0\" />`.\n" +
            "- Added `<PackageReference Include=\"Newtonsoft.Json\" Version=\"13.0.3\" />`.\n");

        var site = AdoptInProcess.Table(await docSet.AdoptWriteAsync());

        Assert.Contains("packages=Acme.Core", File.ReadAllText(Path.Combine(root, "examples", "reading", "index.md")), StringComparison.Ordinal);

        // Posts about three libraries in one repository: not one library's site, so no page lends its install line.
        File.WriteAllText(Path.Combine(root, "examples", "reading", "index.md"), Calls);
        docSet.Write("state/index.md", new DocPage("State").InstallFence("Acme.AsyncState").Then(Calls));
        docSet.Write("other/index.md", new DocPage("Other").InstallFence("Newtonsoft.Json").Then(Calls));

        var corpus = AdoptInProcess.Table(await docSet.AdoptWriteAsync());

        Assert.DoesNotContain("Acme.Core", File.ReadAllText(Path.Combine(root, "examples", "reading", "index.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sites_install_command_on_a_page_without_csharp_still_names_its_one_library()
    {
        // Issue 77, item 3 (cov-g's Coravel trial): the one install line stands on an Installation page that shows no C#
        // ('`dotnet add package coravel`'); every other page calls the library bare. Before, a page without C# lent nothing,
        // so no page found the library and no receiver of its could be typed. A change log's dependency lines still lend nothing.
        using var docSet = Site();
        var root = docSet.Docs;
        docSet.Write("installation/index.md", "# Install\n\nThe library needs its package: `dotnet add package Acme.Core`\n");
        docSet.Write("examples/reading/index.md", Calls);
        docSet.Write("change-log/index.md", "# Changes\n\n- Added `<PackageReference Include=\"Acme.AsyncState\" Version=\"1.0.0\" />`.\n");

        var site = AdoptInProcess.Table(await docSet.AdoptWriteAsync());

        var page = File.ReadAllText(Path.Combine(root, "examples", "reading", "index.md"));
        Assert.Contains("packages=Acme.Core", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Acme.AsyncState", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_whose_test_attributes_name_a_test_framework_still_gets_the_doc_sets_package()
    {
        // Issue 77, item 6: the page's own evidence (its [Fact], its 'using Xunit') declares names its block lacks; the doc
        // set's package, named on another page, is still tried for the rest ('Greeting'). Before, own evidence that declared
        // anything shut out the set's: the block's library call stayed unknown.
        using var docSet = FeedOfBoth();
        var docs = docSet.Docs;
        docSet.Pack("xunit", "1.0.0",
            "namespace Xunit { public sealed class FactAttribute : System.Attribute { } "
            + "public static class Assert { public static void Equal<T>(T expected, T actual) { } } }");
        docSet.Write("getting-started.md", new DocPage("Start").InstallFence("Acme.Core"));
        docSet.Write("testing/index.md", """
            # Testing

            ```csharp
            public class GreetingTests
            {
                [Fact]
                public void Hello() => Assert.Equal("x", Greeting.Hello("x"));
            }
            ```
            """);

        var adopt = AdoptInProcess.Table(await docSet.AdoptWriteAsync());

        var path = Path.Combine(docs, "testing", "index.md");
        var page = File.ReadAllText(path);
        Assert.Contains("packages=Acme.Core,xunit", page, StringComparison.Ordinal);
        docSet.Verifies();
        // The set's package is bound, not tolerated: a misspelt call of it fails.
        docSet.MutantsFail(Path.GetRelativePath(docs, path), page, [("Hello(\"x\")", "Helo(\"x\")", (string?)"CS0117")]);
    }

    [Fact]
    public async Task A_sites_one_library_reaches_a_sibling_folders_page_that_imports_a_package_of_its_own()
    {
        // Issue 77, item 6: the site's install line (getting-started/) is the doc set's package for a page in a sibling
        // folder even when that page names another package (its 'using Acme.AsyncState'). Before, a page with any evidence
        // of its own never got the site's one library: 'Greeting' stayed unknown.
        using var docSet = Site();
        var root = docSet.Docs;
        docSet.Write("getting-started/index.md", Installs("Acme.Core").Then(Calls));
        docSet.Write("examples/state/index.md", """
            # State

            ```csharp
            using Acme.AsyncState;

            Console.WriteLine(Greeting.Hello("state") + Slot.Value);
            ```
            """);

        var adopt = AdoptInProcess.Table(await docSet.AdoptWriteAsync());

        var path = Path.Combine(root, "examples", "state", "index.md");
        var page = File.ReadAllText(path);
        Assert.Contains("packages=Acme.AsyncState,Acme.Core", page, StringComparison.Ordinal);
        docSet.Verifies();
        docSet.MutantsFail(Path.GetRelativePath(root, path), page, [("Hello(", "Helo(", (string?)"CS0117")]);
    }
}
