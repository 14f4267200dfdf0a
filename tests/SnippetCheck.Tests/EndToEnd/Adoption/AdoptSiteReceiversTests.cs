using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

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
    public void A_bare_handle_on_a_page_with_its_own_package_is_given_the_sites_library_interface_and_a_misspelt_call_fails()
    {
        using var folder = new TempFolder();
        var root = Path.Combine(folder.Path, "site");
        var (feed, environment) = LocalFeed.Create(folder.Path, root);
        LocalFeed.Pack(feed, "Acme.Caching", "1.0.0", Acme);
        LocalFeed.Pack(feed, "Acme.Caching.Redis", "1.0.0", AddOn);
        folder.Write("site/.git/config", "[core]\n");
        // A site's install line counts on a page with C# (a change log's dependency lines do not).
        folder.Write("site/getting-started/index.md",
            "# Install\n\n```\ndotnet add package Acme.Caching\n```\n\n```csharp\nConsole.WriteLine(\"ready\");\n```\n");
        folder.Write("site/docs/core-methods.md", """
            # Core methods

            ```csharp
            using Acme.Caching.Redis;

            var name = RedisSlot.Name;
            var value = cache.GetOrSet("answer", 42);
            ```
            """);

        var adopt = CliRunner.Run(root, environment, "adopt", "--write");

        Assert.True(adopt.ExitCode == 0, adopt.Output);
        var path = Path.Combine(root, "docs", "core-methods.md");
        var page = File.ReadAllText(path);
        Assert.Contains("given=cache:IAcmeCache", page, StringComparison.Ordinal);
        Assert.True(CliRunner.Run(root, environment, "verify", "--no-cache").ExitCode == 0);
        Mutants.EachFails(root, path, page, [("GetOrSet(", "GetOrSetq(", (string?)"CS1061")], environment);
    }
}
