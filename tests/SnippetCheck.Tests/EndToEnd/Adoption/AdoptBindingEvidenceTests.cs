using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 76, items 4 and 1, end to end on a local feed (no network), with a cache library of the test's making,
/// Acme.Caching: <c>Cache.Set(string, object, TimeSpan)</c>, <c>Cache.RemoveAll(IEnumerable&lt;string&gt;)</c>.
/// An <c>int</c> where <c>Set</c> takes a <c>TimeSpan</c> (CS1503), <c>params</c> where <c>RemoveAll</c> takes a collection
/// (CS1501), a missing argument (CS7036) and a local read before it is assigned (CS0165) are rot when the rest of the block
/// binds, each with its cause in words; the same <c>int</c> beside a name the page never declares is not. And a typo on a
/// page that never names the package (another page of its doc set imports it) is still found: the repaired block is tried
/// with the packages the doc set's other blocks compiled with.
/// </summary>
[TakesSeconds(40)]
public sealed class AdoptBindingEvidenceTests
{
    private const string Library = """
        namespace Acme.Caching
        {
            public sealed class Cache
            {
                public void Set(string key, object value, System.TimeSpan expiry) { }
                public object Get(string key) => key;
                public void RemoveAll(System.Collections.Generic.IEnumerable<string> keys) { }
            }
        }
        """;

    private const string GettingStarted = """
        # Getting started

        Install it with `dotnet add package Acme.Caching`.

        ```csharp
        using Acme.Caching;

        var cache = new Cache();
        cache.Set("user:1", "Ada", TimeSpan.FromMinutes(5));
        Console.WriteLine(cache.Get("user:1"));
        ```

        ```csharp
        using Acme.Caching;

        var cache = new Cache();
        cache.Set("user:1", "Ada", 60);
        ```

        ```csharp
        using Acme.Caching;

        var cache = new Cache();
        cache.RemoveAll("user:1", "user:2");
        ```

        ```csharp
        using Acme.Caching;

        var cache = new Cache();
        cache.Set("user:1", "Ada");
        ```

        ```csharp
        using Acme.Caching;

        var cache = new Cache();
        object cached;
        if (cache.Get("user:1") is string name) cached = name;
        Console.WriteLine(cached);
        ```

        ```csharp
        using Acme.Caching;

        var cache = new Cache();
        cache.Set("user:1", LoadUser(), 60);
        ```
        """;

    private const string Expiry = """
        # Expiry

        Each entry lives as long as you say:

        ```csharp
        var cache = new Cache();
        cache.Set("user:1", new User { Name = "Ada" }, TimeSpan.FromMinutes(5));

        public class User
        {
            public string Name { get set; }
        }
        ```
        """;

    private const string Reading = """
        # Reading

        ```csharp
        using Acme.Caching;

        var cache = new Cache();
        Console.WriteLine(cache.Get("user:1"));
        ```
        """;

    [Fact]
    public async Task Binding_errors_against_a_package_are_rot_with_their_cause_when_the_rest_of_the_block_binds()
    {
        var run = await AdoptAsync(GettingStarted, null);

        Assert.Contains("getting-started/index.md(17,28): CS1503: Argument 3: cannot convert from 'int' to 'System.TimeSpan' — " +
            "argument 3 of 'cache.Set' is an 'int', where it takes a 'System.TimeSpan' [known-api]\n", run);
        Assert.Contains("getting-started/index.md(24,7): CS1501: No overload for method 'RemoveAll' takes 2 arguments — " +
            "no overload of 'cache.RemoveAll' takes 2 arguments [known-api]\n", run);
        Assert.Contains("getting-started/index.md(31,7): CS7036: There is no argument given that corresponds to the required parameter " +
            "'expiry' of 'Cache.Set(string, object, TimeSpan)' — 'cache.Set' has no value for its parameter 'expiry': it is " +
            "'Cache.Set(string, object, TimeSpan)' [known-api]\n", run);
        Assert.Contains("getting-started/index.md(40,19): CS0165: Use of unassigned local variable 'cached' — 'cached' is used before it " +
            "is assigned (not on every path before this line) [unassigned]\n", run);
        // 'LoadUser' is declared nowhere: the block lacks context, which may be what its argument stands for.
        Assert.DoesNotContain("getting-started/index.md(47,28)", run, StringComparison.Ordinal);
        Assert.Contains("; 4 suspected rot (above)", run, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_typo_on_a_page_that_never_names_the_package_is_tried_with_the_packages_of_the_doc_sets_blocks()
    {
        var run = await AdoptAsync(GettingStarted[..GettingStarted.IndexOf("```csharp", GettingStarted.IndexOf("```\n", StringComparison.Ordinal),
            StringComparison.Ordinal)], Expiry);

        // The page never names Acme.Caching; the repaired block compiles with the package the doc set's blocks use.
        Assert.Contains("examples/expiry/index.md(11,", run, StringComparison.Ordinal);
        Assert.Contains("one ';' after 'get' makes the block compile [typo]\n", run, StringComparison.Ordinal);
        Assert.DoesNotContain("fragment", run, StringComparison.Ordinal);
    }

    /// <summary>
    /// A dry-run adopt of the doc set on the local feed. Not a repository: the install line on getting-started/ is evidence
    /// for that page alone, and examples/reading/'s using for its own, so examples/expiry/ has none of its own, its folder's
    /// or an ancestor's (PackageInference); only a block of its doc set (examples/, which has a page) compiles with the package.
    /// </summary>
    private static async Task<string> AdoptAsync(string gettingStarted, string? expiry)
    {
        using var docSet = AdoptInProcess.WithFeed();
        docSet.Pack("Acme.Caching", "1.0.0", Library);
        docSet.Write("getting-started/index.md", gettingStarted);
        if (expiry is not null)
        {
            docSet.Write("examples/expiry/index.md", expiry);
            docSet.Write("examples/index.md", "# Examples\n\n```csharp\nConsole.WriteLine(\"Read, write, expire.\");\n```\n");
            docSet.Write("examples/reading/index.md", Reading);
        }
        return AdoptInProcess.Table(await docSet.AdoptAsync());
    }
}
