using SnippetCheck.Adoption.Inference;
using SnippetCheck.Model;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Adoption.Inference;

/// <summary>
/// Issue 77, sessions combined with packages and members (the rule of <c>AdoptPageSessionTests</c>): which blocks of a page
/// join its whole-page session, and with which tags. A block joins when the session's blocks use what it declares (a type,
/// or the namespace a using names); a failing block connected to none does not; each member carries every member's
/// packages, and a block that declares no namespace gets the page's namespaces no block imports.
/// </summary>
public sealed class PageSessionsTests
{
    private const string Page = """
        ```csharp
        using Shop.Entities;
        namespace Shop.Controllers { public class OrderController { public Order First() => new(); } }
        ```

        ```csharp
        namespace Shop.Entities { public class Order { } }
        ```

        ```csharp
        public void Test() { var order = new OrderController().First(); Verify.NotNull(order); }
        ```

        ```csharp
        var total = Ledger.Sum(3);
        ```

        ```csharp
        namespace Elsewhere { public class Unused { } }
        ```
        """;

    [Fact]
    public void A_block_joins_a_failing_block_that_imports_its_namespace_though_no_type_of_it_is_named()
    {
        // The extension method is called by its own name; only the using names what the declaring block declares.
        var snippets = Pipeline.Read("""
            ```csharp
            using Acme.Extensions;
            Console.WriteLine("a".Shout());
            ```

            ```csharp
            namespace Acme.Extensions { public static class Text { public static string Shout(this string s) => s; } }
            ```
            """).Snippets;
        PageSessions.Candidate[] page = [new(snippets[0], snippets[0].Tags, Pending: true), new(snippets[1], snippets[1].Tags, Pending: false)];

        Assert.Equal([0, 1], PageSessions.Members(page));
    }

    [Fact]
    public void The_blocks_that_declare_what_failing_blocks_use_join_them_and_each_gets_the_pages_packages_and_unimported_namespaces()
    {
        var snippets = Pipeline.Read(Page).Snippets;
        var data = new PackageRequest("Acme.Data", "1.0.0", snippets[0].Location);
        var testing = new PackageRequest("Acme.Testing", "2.0.0", snippets[2].Location);
        PageSessions.Candidate[] page =
        [
            new(snippets[0], snippets[0].Tags with { Packages = [data] }, Pending: true),
            new(snippets[1], snippets[1].Tags, Pending: false),
            new(snippets[2], snippets[2].Tags with { Members = true, Packages = [testing], Usings = ["Acme.Testing"] }, Pending: true),
            new(snippets[3], snippets[3].Tags, Pending: true),
            new(snippets[4], snippets[4].Tags, Pending: false),
        ];

        // The ledger uses nothing the page declares, and nothing uses the unused class: neither joins.
        var members = PageSessions.Members(page);
        Assert.Equal([0, 1, 2], members);

        var tags = PageSessions.Tagged([.. members.Select(i => page[i])])!;
        Assert.All(tags, t => Assert.Equal(["Acme.Data@1.0.0", "Acme.Testing@2.0.0"], t.Packages.Select(p => p.TagText)));
        // The test method declares no namespace: it sees the controller's, which no block imports; the entity's is imported.
        Assert.Equal(["Acme.Testing", "Shop.Controllers"], tags[2].Usings);
        Assert.Empty(tags[0].Usings);
        Assert.True(tags[2].Members);

        // Two versions of one package cannot be one program: no session.
        var clash = page[1] with { Tags = page[1].Tags with { Packages = [data with { Version = "2.0.0" }] } };
        Assert.Null(PageSessions.Tagged([page[0], clash, page[2]]));
        // Blocks that all pass alone need no session.
        Assert.Empty(PageSessions.Members([page[1], page[4]]));
    }
}
