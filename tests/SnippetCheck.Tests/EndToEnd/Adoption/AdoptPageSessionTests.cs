using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 77, item 1 (sessions combined with packages, members and args): a post walks through a small app and its tests
/// (JuergenGutsch's EF/Moq/xunit post: a controller that imports the page's namespaces declared below it, a service, an
/// entity, then test methods as members that need two packages and the controller's namespace no block imports). No chain
/// of earlier blocks finds it: the controller fails alone on CS0234 ('Entities' does not exist in 'Shop'), the tests need
/// every block. Adopt tries the page as one session with the packages its blocks need together, and what each block calls
/// of the libraries still binds: a misspelt call fails.
/// </summary>
[TakesSeconds(60)]
public sealed class AdoptPageSessionTests
{
    private const string Data = "namespace Acme.Data { public sealed class Table<T> { private readonly T[] _rows; "
        + "private Table(T[] rows) { _rows = rows; } public static Table<T> Of(params T[] rows) => new(rows); "
        + "public System.Collections.Generic.IEnumerable<T> Rows() => _rows; } }";

    private const string Testing = "namespace Acme.Testing { public sealed class CheckAttribute : System.Attribute { } "
        + "public static class Verify { public static void Equal(int expected, int actual) "
        + "{ if (expected != actual) throw new System.Exception(); } } }";

    private const string Page = """
        # Testing a shop

        ```shell
        dotnet add package Acme.Data
        dotnet add package Acme.Testing
        ```

        The controller:

        ```csharp
        using System.Linq;
        using Shop.Entities;
        using Shop.Services;

        namespace Shop.Controllers
        {
            public class OrderController
            {
                private readonly IOrderService _service;
                public OrderController(IOrderService service) { _service = service; }
                public int CountOrders() => _service.All().Count();
            }
        }
        ```

        The service reads a table:

        ```csharp
        using System.Collections.Generic;
        using Acme.Data;
        using Shop.Entities;

        namespace Shop.Services
        {
            public class OrderService : IOrderService
            {
                private readonly Table<Order> _table;
                public OrderService(Table<Order> table) { _table = table; }
                public IEnumerable<Order> All() => _table.Rows();
            }

            public interface IOrderService { IEnumerable<Order> All(); }
        }
        ```

        The entity:

        ```csharp
        namespace Shop.Entities
        {
            public class Order { public int Id { get; set; } }
        }
        ```

        In the test project, a service over two orders:

        ```csharp
        private IOrderService TwoOrders()
        {
            return new OrderService(Table<Order>.Of(new Order { Id = 1 }, new Order { Id = 2 }));
        }
        ```

        And the test:

        ```csharp
        [Check]
        public void CountsOrders()
        {
            var controller = new OrderController(TwoOrders());
            Verify.Equal(2, controller.CountOrders());
        }
        ```

        Somewhere else, the ledger:

        ```csharp
        var total = Ledger.Sum(3);
        Console.WriteLine(total);
        ```
        """;

    [Fact]
    public async Task A_page_of_an_app_and_its_tests_is_one_session_with_the_packages_its_blocks_need_and_its_calls_still_bind()
    {
        using var docs = AdoptInProcess.WithFeed().Pack("Acme.Data", "1.0.0", Data).Pack("Acme.Testing", "1.0.0", Testing);
        docs.Write("shop.md", Page);

        var adopt = AdoptInProcess.Table(await docs.AdoptWriteAsync());

        var page = docs.Read("shop.md");
        var tags = page.Split('\n').Where(l => l.StartsWith("<!-- snippetcheck:", StringComparison.Ordinal)).ToList();
        // The five blocks of the app and its tests, one session; the ledger (declared nowhere) is not in it.
        Assert.True(tags.Count(t => t.Contains("session=adopt-1", StringComparison.Ordinal)) == 5, page + "\n" + adopt);
        Assert.All(tags.Where(t => t.Contains("session=", StringComparison.Ordinal)), t =>
        {
            Assert.Contains("Acme.Data", t, StringComparison.Ordinal);
            Assert.Contains("Acme.Testing", t, StringComparison.Ordinal);
        });
        Assert.DoesNotContain("session=", page[page.IndexOf("the ledger", StringComparison.Ordinal)..], StringComparison.Ordinal);
        docs.Verifies();

        // What the blocks call of the libraries binds: a misspelt call of either package, or of the page's own service, fails.
        docs.MutantsFail("shop.md", page, [
            ("Table<Order>.Of(", "Table<Order>.Off(", (string?)"CS0117"),
            ("Verify.Equal(", "Verify.Equl(", "CS0117"),
            ("_table.Rows()", "_table.Rowz()", "CS1061"),
            ("controller.CountOrders()", "controller.CountOrder()", "CS1061"),
        ]);
    }
}
