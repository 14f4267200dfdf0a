using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 77, item 3: a library's main handle used bare (<c>cache.GetOrSet("k", 1)</c>) on a page of a library's site whose
/// install line stands on another folder's page (CsvHelper's and FusionCache's layout), where the page names a package of
/// its own too (a <c>using</c> of an add-on). The receiver's type is looked for among the site's library too, so the handle
/// is given the library's interface and its calls bind: a misspelt one fails. Before, a page with evidence of its own never
/// had the site's library in its receiver index, and the handle stayed unknown.
/// </summary>
[TakesSeconds(40)]
public sealed class AdoptSiteReceiversTests
{
    private const string Acme = """
        namespace Acme.Caching
        {
            public interface IAcmeCache { T GetOrSet<T>(string key, T value); }
        }
        """;

    private const string AddOn = "namespace Acme.Caching.Redis { public static class RedisSlot { public static string Name => \"redis\"; } }";

    [Fact]
    public async Task A_bare_handle_on_a_page_with_its_own_package_is_given_the_sites_library_interface_and_a_misspelt_call_fails()
    {
        using var docSet = AdoptInProcess.WithFeed("site");
        var root = docSet.Docs;
        docSet.Pack("Acme.Caching", "1.0.0", Acme);
        docSet.Pack("Acme.Caching.Redis", "1.0.0", AddOn);
        docSet.Write(".git/config", "[core]\n");
        // A site's install line counts on a page with C# (a change log's dependency lines do not).
        docSet.Write("getting-started/index.md",
            "# Install\n\n```\ndotnet add package Acme.Caching\n```\n\n```csharp\nConsole.WriteLine(\"ready\");\n```\n");
        docSet.Write("docs/core-methods.md", """
            # Core methods

            ```csharp
            using Acme.Caching.Redis;

            var name = RedisSlot.Name;
            var value = cache.GetOrSet("answer", 42);
            ```
            """);

        await docSet.AdoptWriteAsync();

        var path = Path.Combine(root, "docs", "core-methods.md");
        var page = File.ReadAllText(path);
        Assert.Contains("given=cache:IAcmeCache", page, StringComparison.Ordinal);
        docSet.Verifies();
        docSet.MutantsFail("docs/core-methods.md", page, [("GetOrSet(", "GetOrSetq(", (string?)"CS1061")]);
    }
}
